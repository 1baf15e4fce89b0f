import { plainToInstance } from 'class-transformer';
import type { ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '@app/common';
import { DomainError } from '@app/contracts';
import type { FieldError, ImportMode, ImportReport, ImportRequest, ImportRowError } from '@app/contracts';

/** A row's non-empty cells by column name (cells trimmed; an empty cell is absent). */
export type RowCells = Record<string, string | undefined>;

const invalid = (message: string, fields: FieldError[]): DomainError => new DomainError('VALIDATION_FAILED', message, fields);

/** Refuses a header with unknown, repeated or missing required columns (line 1 of the file). */
export function checkColumns(columns: readonly string[], known: readonly string[], required: readonly string[]): void {
  const fields: FieldError[] = [];
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length > 0) fields.push({ line: 1, field: 'columns', message: `unknown columns: ${unknown.join(', ')} (known: ${known.join(', ')})` });
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) fields.push({ line: 1, field: 'columns', message: `repeated columns: ${[...new Set(repeated)].join(', ')}` });
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) fields.push({ line: 1, field: 'columns', message: `missing required columns: ${missing.join(', ')}` });
  if (fields.length > 0) throw invalid('Invalid request: columns', fields);
}

/** Each row's cells by column; a row of another shape (not `{line, cells: string[]}`) is refused. */
export function cellsOfRows(request: ImportRequest): { line: number; cells: RowCells }[] {
  const width = request.columns.length;
  return request.rows.map((row, index) => {
    const ok = typeof row === 'object' && row !== null && Number.isInteger(row.line) && row.line > 1 && Array.isArray(row.cells) && row.cells.length <= width && row.cells.every((c) => typeof c === 'string');
    if (!ok) throw invalid('Invalid request: rows', [{ field: `rows.${index}`, message: `must be {line > 1, cells: at most ${width} strings}` }]);
    const cells: RowCells = {};
    row.cells.forEach((value, i) => {
      const trimmed = value.trim();
      if (trimmed !== '') cells[request.columns[i]] = trimmed;
    });
    return { line: row.line, cells };
  });
}

/**
 * Validates a row against the DTO of a single creation (the class the RPC validation pipe uses, with
 * the same options), so an imported row obeys exactly the rules of `create`.
 */
export function createErrors<T extends object>(type: ClassConstructor<T>, plain: object): { value: T; errors: FieldError[] } {
  const value = plainToInstance(type, plain);
  const errors = toFieldErrors(validateSync(value, { whitelist: true, forbidNonWhitelisted: true }));
  return { value, errors };
}

/** The errors of an import, by line. */
export class RowErrors {
  private readonly errors: ImportRowError[] = [];
  private readonly lines = new Set<number>();

  add(line: number, field: string, message: string): void {
    this.errors.push({ line, field, message });
    this.lines.add(line);
  }

  has(line: number): boolean {
    return this.lines.has(line);
  }

  get size(): number {
    return this.errors.length;
  }

  /** Sorted by line, then in the order found. */
  list(): ImportRowError[] {
    return this.errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.i - b.i).map(({ e }) => e);
  }

  /** All-or-nothing with errors: nothing is written, the answer is 422 with every error. */
  rejectAll(total: number): DomainError {
    return new DomainError('UNPROCESSABLE', `Import rejected, nothing written: ${this.lines.size} of ${total} rows have errors`, this.list());
  }

  report(mode: ImportMode, total: number, created: number): ImportReport {
    return { mode, total, created, rejected: this.lines.size, errors: this.list() };
  }
}

/** Finds values repeated inside one file: the later row gets the error, naming the first row's line. */
export class InFileDuplicates {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly errors: RowErrors,
    private readonly field: string,
    private readonly what: string,
  ) {}

  check(line: number, key: string | null): void {
    if (key === null) return;
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, line);
    else this.errors.add(line, this.field, `${this.what} repeats line ${first} of this file`);
  }
}
