import { DomainError } from '@app/contracts';
import type { FieldError } from '@app/contracts';

/** A parsed file: the header's column names and the data rows, each with its line as a spreadsheet shows it (header = 1). */
export interface ParsedTable {
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

export interface CsvLimits {
  maxRows: number;
  /** Longest cell, in characters. */
  maxCell: number;
}

const fileError = (fields: FieldError[]): DomainError => new DomainError('VALIDATION_FAILED', `Invalid file: ${fields.map((f) => `line ${f.line}: ${f.message}`).join('; ')}`, fields);

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too); a field in double
 * quotes may hold commas, line breaks and doubled quotes. A leading BOM is skipped. Line numbers count
 * records, as a spreadsheet numbers rows (a quoted line break does not start a new row). Blank records
 * are skipped but counted. Refused, naming the line: an unterminated quote, text after a closing quote,
 * a quote inside an unquoted field, more cells than the header, too many rows, an over-long cell.
 */
export function parseCsv(text: string, limits: CsvLimits): ParsedTable {
  const records = splitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, limits);
  const header = records.find((r) => !isBlank(r.cells));
  if (!header) throw fileError([{ line: 1, field: 'file', message: 'the file is empty: the first row must name the columns' }]);
  const columns = header.cells.map((c) => c.trim());
  const empty = columns.findIndex((c) => c === '');
  if (empty >= 0) throw fileError([{ line: header.line, field: 'columns', message: `column ${empty + 1} of the header has no name` }]);
  const rows: ParsedTable['rows'] = [];
  const errors: FieldError[] = [];
  for (const record of records) {
    if (record.line <= header.line || isBlank(record.cells)) continue;
    const cells = record.cells;
    while (cells.length > columns.length && cells[cells.length - 1].trim() === '') cells.pop();
    if (cells.length > columns.length) errors.push({ line: record.line, field: 'row', message: `${cells.length} cells, the header names ${columns.length} columns` });
    else rows.push({ line: record.line, cells });
  }
  if (errors.length > 0) throw fileError(errors.slice(0, 100));
  if (rows.length > limits.maxRows) throw fileError([{ line: rows[limits.maxRows].line, field: 'file', message: `more than ${limits.maxRows} rows` }]);
  return { columns, rows };
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

function splitRecords(text: string, limits: CsvLimits): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const fail = (message: string): never => {
    throw fileError([{ line, field: 'file', message }]);
  };
  const endRecord = (): void => {
    records.push({ line, cells });
    if (records.length > limits.maxRows + 1) fail(`more than ${limits.maxRows} rows`);
    cells = [];
    line += 1;
  };
  if (n === 0) return records;
  for (;;) {
    let value: string;
    if (text[i] === '"') {
      let out = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) fail('a quoted cell is not closed');
        out += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          out += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      value = out;
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') fail('text after a closing quote (a quote inside a quoted cell is written "")');
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j += 1;
      value = text.slice(i, j);
      if (value.includes('"')) fail('a quote inside an unquoted cell (quote the whole cell)');
      i = j;
    }
    if (value.length > limits.maxCell) fail(`a cell longer than ${limits.maxCell} characters`);
    cells.push(value);
    if (i >= n) {
      endRecord();
      return records;
    }
    const c = text[i];
    i += 1;
    if (c === ',') continue;
    if (c === '\r' && text[i] === '\n') i += 1;
    endRecord();
    if (i >= n) return records;
  }
}

/** One CSV record: cells quoted when they hold a comma, quote, line break or leading/trailing space. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
