/**
 * Splits a migration file into statements. ClickHouse 18.16 takes one statement per HTTP request, so
 * a file with several statements is sent piece by piece. A `;` ends a statement only outside
 * '...' strings, "..." and `...` identifiers (backslash escapes and doubled quotes both understood),
 * `--` line comments and C-style block comments (not nested: 18.16 does not nest them either).
 * Pieces holding nothing but whitespace and comments are dropped.
 */
import { ClickHouseMigrationError } from './migration-error';

const QUOTES = new Set(["'", '"', '`']);

/** Index just after the closing quote of the literal opening at `start`. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  const line = text.slice(0, start).split('\n').length;
  throw new ClickHouseMigrationError('unterminated', `unterminated ${quote}...${quote} literal starting on line ${line}`);
}

export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;
  const flush = (end: number): void => {
    if (hasCode) statements.push(text.slice(start, end).trim());
    start = end + 1;
    hasCode = false;
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) {
        const line = text.slice(0, i).split('\n').length;
        throw new ClickHouseMigrationError('unterminated', `unterminated /* comment starting on line ${line}`);
      }
      i = end + 2;
    } else if (QUOTES.has(ch)) {
      i = skipQuoted(text, i);
      hasCode = true;
    } else if (ch === ';') {
      flush(i);
      i += 1;
    } else {
      if (!/\s/.test(ch)) hasCode = true;
      i += 1;
    }
  }
  flush(text.length);
  return statements;
}
