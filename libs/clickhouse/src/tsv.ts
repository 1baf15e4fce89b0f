/**
 * Rows as TabSeparated text, for the high-volume inserts (ingest). ClickHouse parses TSV several times faster than
 * JSONEachRow (no field names, no JSON tokenizer), and building it allocates far less than JSON objects: measured
 * in `npm run bench:ingest` (docs/benchmarks.md). Same value rules as JSONEachRow inserts (insert-rows.ts): a
 * non-finite number or a Date outside the DateTime range throws instead of corrupting a column.
 *
 * TSV escaping (ClickHouse "Escaped" rules, the same on 18.16 and current releases): backslash, tab, line feed and
 * carriage return are written as \\ \t \n \r; NULL is \N; a DateTime is `YYYY-MM-DD hh:mm:ss` in the column's zone
 * (our columns are DateTime('UTC')); an array is `[...]` with strings quoted in '', escaped inside the quotes and not escaped again as a field.
 */
import { formatDateTimeUtc, isDateTimeMsInRange } from './datetime';
import { dateTimeOutOfRange } from './insert-rows';
import type { InsertValue } from './insert-rows';
import { SqlValueError } from './sql';

const BACKSLASH = 0x5c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x27;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const ZERO = 0x30;
/** Days whose text `TsvBytes.dateTime` keeps (a power of two). */
const DAY_SLOTS = 8;
const COLON = 0x3a;
/** The letter after the backslash of each escaped ASCII character (\\ \t \n \r \'). */
const ESCAPE_LETTER: Record<number, number> = { [BACKSLASH]: BACKSLASH, [TAB]: 0x74, [LF]: 0x6e, [CR]: 0x72, [QUOTE]: QUOTE };

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_QUOTE_ESCAPE = /[\\'\t\n\r]/;
const QUOTE_ESCAPES = /[\\'\t\n\r]/g;
const QUOTE_ESCAPED: Record<string, string> = { ...ESCAPED, "'": "\\'" };

export function tsvEscape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ESCAPED[c] as string) : text;
}

/** An array of strings as the TSV text of an Array(String) column. */
export function tsvStringArray(items: readonly string[]): string {
  return `[${items.map(quoted).join(',')}]`;
}

/** One string of an Array(String) column's TSV text: quoted in '' and escaped inside the quotes. */
export function tsvQuoted(text: string): string {
  return quoted(text);
}

function quoted(text: string): string {
  return `'${NEEDS_QUOTE_ESCAPE.test(text) ? text.replace(QUOTE_ESCAPES, (c) => QUOTE_ESCAPED[c] as string) : text}'`;
}

/** A finite number's text; NaN and the infinities throw. */
export function tsvNumber(value: number, column: string): string {
  return number(value, column);
}

function number(value: number, column: string): string {
  if (!Number.isFinite(value)) throw new SqlValueError(`column ${column}: cannot insert non-finite number ${String(value)}`, 'non_finite_number');
  return String(value);
}

/** One item of an array field (strings quoted, dates quoted, NULL as a literal, nested arrays). */
function arrayItem(out: TsvBytes, value: InsertValue, column: string): void {
  if (typeof value === 'string') out.quoted(value);
  else if (typeof value === 'number') out.plain(number(value, column));
  else if (value instanceof Date) {
    out.byte(QUOTE);
    out.dateTime(value.getTime(), column);
    out.byte(QUOTE);
  } else if (value === null) out.plain('NULL');
  else if (typeof value === 'bigint') out.plain(value.toString());
  else if (typeof value === 'boolean') out.plain(value ? '1' : '0');
  else arrayField(out, value as readonly InsertValue[], column);
}

function arrayField(out: TsvBytes, items: readonly InsertValue[], column: string): void {
  out.byte(OPEN);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.byte(COMMA);
    arrayItem(out, items[i] as InsertValue, column);
  }
  out.byte(CLOSE);
}

/**
 * Builds the TabSeparated body of rows of one table: one line per row, `columns` in this order (they are sent with
 * the INSERT, so the table may have more columns with defaults). Written through `TsvBytes`, the one encoder of
 * the escapes; a row with a value that cannot be inserted throws and leaves nothing of itself in the body.
 */
export class TsvBuilder<T> {
  private readonly out = new TsvBytes(4 * 1024);
  private rows = 0;

  constructor(readonly columns: readonly (keyof T & string)[]) {}

  get size(): number {
    return this.rows;
  }

  add(row: T): void {
    const start = this.out.byteLength;
    try {
      for (let i = 0; i < this.columns.length; i++) {
        const column = this.columns[i] as keyof T & string;
        const value = row[column] as unknown as InsertValue;
        if (i > 0) this.out.byte(TAB);
        if (typeof value === 'string') this.out.escaped(value);
        else if (typeof value === 'number') this.out.plain(number(value, column));
        else if (value === null) this.out.plain('\\N');
        else if (value instanceof Date) this.out.dateTime(value.getTime(), column);
        else if (typeof value === 'bigint') this.out.plain(value.toString());
        else if (typeof value === 'boolean') this.out.plain(value ? '1' : '0');
        else if (Array.isArray(value)) arrayField(this.out, value as readonly InsertValue[], column);
        else throw new SqlValueError(`column ${column}: cannot insert a value of type ${typeof value}`, 'unsupported_value');
      }
      this.out.byte(LF);
    } catch (error) {
      this.out.truncate(start);
      throw error;
    }
    this.rows += 1;
  }

  /** The body to send as bytes: every line ended by a line feed. */
  bytes(): Buffer {
    return this.out.bytes();
  }

  /** The body as text. */
  text(): string {
    return this.out.bytes().toString('utf8');
  }
}

/**
 * A TabSeparated body built straight into bytes, field by field: ASCII text is written a character at a time (no
 * line strings to build, flatten and encode), with the TSV escapes applied on the way; anything beyond ASCII goes
 * through the string escapes and UTF-8. A message's bytes (a JSON event as received) are copied with the escapes,
 * never decoded into a string and encoded back. Grows by doubling. `bytes()` is the body to send (a view: valid
 * until the next write). The escapes are exactly `tsvEscape`'s and `tsvQuoted`'s (tested against them).
 */
export class TsvBytes {
  private buffer: Buffer;
  private length = 0;
  /**
   * Days `dateTime` wrote lately (days since 1970) and their texts, in slots by day number: a body's rows alternate
   * between a few days (event times, measurement times, today's receive time).
   */
  private readonly days = new Float64Array(DAY_SLOTS).fill(Number.NaN);
  private readonly dayTexts: string[] = new Array<string>(DAY_SLOTS).fill('');

  /** A new buffer of `initial` bytes, or a buffer to reuse (one `detach`ed from an earlier body). */
  constructor(initial: number | Buffer = 64 * 1024) {
    this.buffer = typeof initial === 'number' ? Buffer.allocUnsafe(Math.max(16, initial)) : initial;
  }

  /**
   * Gives up the whole underlying buffer for reuse (large buffers allocated anew for every batch cost the garbage
   * collector more than the encoding itself). The body is gone; nothing may be written after.
   */
  detach(): Buffer {
    const buffer = this.buffer;
    this.buffer = Buffer.alloc(0);
    this.length = 0;
    return buffer;
  }

  get byteLength(): number {
    return this.length;
  }

  /** Text written as it is (the caller escaped it): UTF-8. */
  text(text: string): void {
    this.reserve(text.length * 3); // at most 3 UTF-8 bytes per UTF-16 code unit
    this.length += this.buffer.write(text, this.length);
  }

  /** One byte (a separator: tab, line feed, comma, bracket, quote). */
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Text that needs no escape (numbers, dates, ids we made); non-ASCII is still written correctly (UTF-8). */
  plain(text: string): void {
    const n = text.length;
    this.reserve(n);
    const out = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.length = at;
        this.text(text.slice(i));
        return;
      }
      out[at++] = c;
    }
    this.length = at;
  }

  /**
   * A `DateTime` field (`YYYY-MM-DD hh:mm:ss`, UTC, milliseconds dropped) from epoch milliseconds, written digit by
   * digit: the texts of the last few days are kept (a batch's times share few days), the time of day is
   * arithmetic. Outside the DateTime range (1970 .. 2106) or not a number: `SqlValueError` naming the column.
   */
  dateTime(ms: number, column: string): void {
    if (!isDateTimeMsInRange(ms)) throw dateTimeOutOfRange(column);
    const seconds = Math.floor(ms / 1000);
    const day = Math.floor(seconds / 86_400);
    const slot = day & (DAY_SLOTS - 1);
    if (this.days[slot] !== day) {
      this.days[slot] = day;
      this.dayTexts[slot] = formatDateTimeUtc(new Date(day * 86_400_000)).slice(0, 11); // 'YYYY-MM-DD '
    }
    this.reserve(19);
    const out = this.buffer;
    let at = this.length;
    const dayText = this.dayTexts[slot] as string;
    for (let i = 0; i < 11; i++) out[at++] = dayText.charCodeAt(i);
    let rest = seconds - day * 86_400;
    const hour = Math.floor(rest / 3600);
    rest -= hour * 3600;
    const minute = Math.floor(rest / 60);
    const second = rest - minute * 60;
    out[at++] = ZERO + Math.floor(hour / 10);
    out[at++] = ZERO + (hour % 10);
    out[at++] = COLON;
    out[at++] = ZERO + Math.floor(minute / 10);
    out[at++] = ZERO + (minute % 10);
    out[at++] = COLON;
    out[at++] = ZERO + Math.floor(second / 10);
    out[at++] = ZERO + (second % 10);
    this.length = at;
  }

  /** A String field: `tsvEscape(text)`. */
  escaped(text: string): void {
    this.escapedText(text, false);
  }

  /** One string of an Array(String) field: `tsvQuoted(text)`. */
  quoted(text: string): void {
    this.byte(QUOTE);
    if (this.escapedText(text, true)) this.byte(QUOTE);
  }

  /** An Array(String) field: `tsvStringArray(items)`. */
  quotedArray(items: readonly string[]): void {
    this.byte(OPEN);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.quoted(items[i] as string);
    }
    this.byte(CLOSE);
  }

  /**
   * ASCII a character at a time with the escapes (and `'` too when `inQuotes`); from the first non-ASCII character
   * on, the string escapes and UTF-8. Answers false when that fallback also wrote the closing quote.
   */
  private escapedText(text: string, inQuotes: boolean): boolean {
    const n = text.length;
    this.reserve(2 * n);
    const out = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.length = at;
        const rest = text.slice(i);
        if (!inQuotes) {
          this.text(tsvEscape(rest));
          return true;
        }
        this.text(tsvQuoted(rest).slice(1)); // the opening quote is written; this writes the closing one
        return false;
      }
      if (c === BACKSLASH || c === TAB || c === LF || c === CR || (inQuotes && c === QUOTE)) {
        out[at++] = BACKSLASH;
        out[at++] = ESCAPE_LETTER[c] as number;
      } else {
        out[at++] = c;
      }
    }
    this.length = at;
    return true;
  }

  /** Bytes of a String field, escaped (backslash, tab, line feed, carriage return). */
  escapedBytes(bytes: Uint8Array): void {
    const plain = bytes.indexOf(BACKSLASH) < 0 && bytes.indexOf(TAB) < 0 && bytes.indexOf(LF) < 0 && bytes.indexOf(CR) < 0;
    if (plain) {
      this.reserve(bytes.length);
      this.buffer.set(bytes, this.length);
      this.length += bytes.length;
      return;
    }
    this.reserve(bytes.length * 2);
    const out = this.buffer;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === BACKSLASH || b === TAB || b === LF || b === CR) {
        out[at++] = BACKSLASH;
        out[at++] = ESCAPE_LETTER[b] as number;
      } else {
        out[at++] = b;
      }
    }
    this.length = at;
  }

  /** The body so far. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Drops everything written after the first `byteLength` bytes (a row that turned out invalid). */
  truncate(byteLength: number): void {
    this.length = Math.min(this.length, Math.max(0, byteLength));
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let size = Math.max(16, this.buffer.length * 2); // a detached body has an empty buffer
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
