import { Workbook } from 'exceljs';
import type { CellValue } from 'exceljs';
import { DomainError } from '@app/contracts';
import type { CsvLimits, ParsedTable } from './csv';

const invalid = (line: number, message: string): DomainError => new DomainError('VALIDATION_FAILED', `Invalid file: line ${line}: ${message}`, [{ line, field: 'file', message }]);

/** A cell as the text a user sees: numbers as typed, dates as ISO 8601, formulas by their result, rich text joined. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The first worksheet of an XLSX file: its first non-empty row names the columns; row numbers are the sheet's. */
export async function parseXlsx(data: Buffer, limits: CsvLimits): Promise<ParsedTable> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid(1, 'not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid(1, 'the workbook has no worksheet');
  const header: { columns: string[] | null; line: number } = { columns: null, line: 1 };
  const rows: ParsedTable['rows'] = [];
  const errors: { line: number; message: string }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as CellValue[];
    // Array.from, not map: row.values is sparse (an empty cell is a hole, which map would keep).
    const cells = Array.from(values.slice(1), (v) => cellText(v));
    if (cells.every((c) => c.trim() === '')) return;
    const columns = header.columns;
    if (!columns) {
      header.columns = cells.map((c) => c.trim());
      header.line = number;
      return;
    }
    while (cells.length > columns.length && cells[cells.length - 1].trim() === '') cells.pop();
    if (cells.length > columns.length) errors.push({ line: number, message: `${cells.length} cells, the header names ${columns.length} columns` });
    else if (cells.some((c) => c.length > limits.maxCell)) errors.push({ line: number, message: `a cell longer than ${limits.maxCell} characters` });
    else rows.push({ line: number, cells });
  });
  const columns = header.columns;
  if (!columns) throw invalid(1, 'the sheet is empty: the first row must name the columns');
  const empty = columns.findIndex((c) => c === '');
  if (empty >= 0) throw invalid(header.line, `column ${empty + 1} of the header has no name`);
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', `Invalid file: ${errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`, errors.slice(0, 100).map((e) => ({ ...e, field: 'row' })));
  if (rows.length > limits.maxRows) throw invalid(rows[limits.maxRows].line, `more than ${limits.maxRows} rows`);
  return { columns, rows };
}
