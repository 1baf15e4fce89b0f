import type { Cell } from './export-writer';
import type { ParsedTable } from './csv';

/**
 * CSV/formula injection (OWASP): a spreadsheet runs a cell whose text begins with = + - @ TAB or CR as
 * a formula. Exports prefix such text with one single quote, which spreadsheets show as text and do
 * not run; imports strip that one quote again, so export -> import gives the same values back.
 * Text that already begins with quotes before such a character gets one more quote (and loses one on
 * import), so a value like `'=x` round-trips too. Numbers are left alone: a number cell, and text that
 * is a plain decimal number (`-12.5`, `+3`, `1e-3`), is not a formula and stays a number.
 */
const RISKY = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An export cell as written to the file. */
export function guardCell(value: Cell): Cell {
  if (typeof value !== 'string' || !RISKY.test(value) || NUMBER.test(value)) return value;
  return `'${value}`;
}

/** An imported cell as the export had it before guarding. */
export function unguardCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/** Every data cell of a parsed import file unguarded (header names are never guarded). */
export function unguardTable(table: ParsedTable): ParsedTable {
  return { columns: table.columns, rows: table.rows.map((r) => ({ line: r.line, cells: r.cells.map(unguardCell) })) };
}
