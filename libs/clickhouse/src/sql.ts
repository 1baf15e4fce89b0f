/**
 * THE one value-escaping helper of the platform. ClickHouse 18.16 has no query parameters
 * (`{name:Type}`), so every value reaches SQL through `sql` below and nowhere else.
 *
 *   sql`SELECT * FROM ${ident('readings')} WHERE tenant_id = ${tenantId} AND ts >= ${from}`
 *
 * Interpolated values are rendered as literals; interpolated `SqlFragment`s are inserted as they are
 * (already safe), so fragments nest without being escaped twice.
 */
import { formatDateTimeUtc, isDateTimeInRange } from './datetime';

/** Module-private key: only the builders in this file can make a fragment. */
const BUILDER: unique symbol = Symbol('SqlFragment builder');

/** A piece of SQL text that is safe to send: built only by `sql`, `ident`, `raw` and `join`. */
export class SqlFragment {
  /** Not callable from outside this file: use `sql`, `ident`, `raw` or `join`. */
  constructor(
    key: typeof BUILDER,
    readonly text: string,
  ) {
    if (key !== BUILDER) throw new TypeError('SqlFragment is built by sql``, ident(), raw() or join() only');
  }

  toString(): string {
    return this.text;
  }
}

function fragment(text: string): SqlFragment {
  return new SqlFragment(BUILDER, text);
}

/** Thrown when a value or identifier cannot be rendered into SQL. */
export class SqlValueError extends Error {
  override readonly name = 'SqlValueError';
  constructor(
    message: string,
    readonly code: 'unsupported_value' | 'non_finite_number' | 'invalid_date' | 'invalid_identifier' | 'malformed_string',
  ) {
    super(message);
  }
}

/** What may be interpolated into `sql`. Anything else throws `SqlValueError` at run time. */
export type SqlValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | SqlFragment
  | readonly SqlValue[];

/** Lone UTF-16 surrogates cannot be encoded as UTF-8: they would arrive as U+FFFD, not round-trip. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
  '\r': '\\r',
  '\n': '\\n',
  '\t': '\\t',
};

// Backslash, quote, and every C0 control character plus DEL: matching control characters is the point.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u007f]/g;

function escapeChar(ch: string): string {
  const named = NAMED_ESCAPES[ch];
  if (named !== undefined) return named;
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** A single-quoted ClickHouse string literal; accepted by 18.16 and current releases alike. */
export function quoteString(value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new SqlValueError('string contains a lone UTF-16 surrogate and cannot be sent as UTF-8', 'malformed_string');
  }
  return `'${value.replace(NEEDS_ESCAPE, escapeChar)}'`;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new SqlValueError(`cannot render non-finite number ${String(value)} into SQL`, 'non_finite_number');
  }
  // Object.is(-0, 0) is false but both render as "0"; exponent forms (1e-7, 1e+21) parse on both engines.
  return String(value);
}

function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new SqlValueError('cannot render an invalid Date into SQL', 'invalid_date');
  if (!isDateTimeInRange(value)) {
    throw new SqlValueError(`Date ${value.toISOString()} is outside the DateTime range (1970 .. 2106)`, 'invalid_date');
  }
  return `toDateTime('${formatDateTimeUtc(value)}', 'UTC')`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

/** Renders one value as a SQL literal (or a fragment as-is). Throws `SqlValueError` for anything else. */
export function literal(value: unknown): string {
  if (value instanceof SqlFragment) return value.text;
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? '1' : '0';
    default:
      break;
  }
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return `[${value.map((item: unknown) => literal(item)).join(', ')}]`;
  throw new SqlValueError(`cannot render a value of type ${describe(value)} into SQL`, 'unsupported_value');
}

/**
 * Tagged template: text parts are trusted (they are source code), interpolations are values.
 * A space is inserted where a value starting with `-` follows text ending in `-`, so that
 * `a-${-1}` can never become the comment opener `--`.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly SqlValue[]): SqlFragment {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    const rendered = literal(value);
    if (text.endsWith('-') && rendered.startsWith('-')) text += ' ';
    text += rendered + (strings[i + 1] ?? '');
  });
  return fragment(text);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_IDENTIFIER_LENGTH = 255;

/** Validates one identifier part; throws `SqlValueError` when it is not `[A-Za-z_][A-Za-z0-9_]*`. */
export function assertIdentifier(name: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name) || name.length > MAX_IDENTIFIER_LENGTH) {
    throw new SqlValueError(
      `invalid identifier ${JSON.stringify(name)}: expected [A-Za-z_][A-Za-z0-9_]* up to ${MAX_IDENTIFIER_LENGTH} characters`,
      'invalid_identifier',
    );
  }
  return name;
}

/**
 * A backtick-quoted identifier: `ident('readings')` -> `readings` in backticks,
 * `ident('db', 'readings')` -> db.readings, each part quoted. Parts are validated, never escaped.
 */
export function ident(...parts: readonly string[]): SqlFragment {
  if (parts.length === 0) throw new SqlValueError('ident() needs at least one name', 'invalid_identifier');
  return fragment(parts.map((part) => `\`${assertIdentifier(part)}\``).join('.'));
}

/** Trusted SQL text: compile-time constants and migration files only, never user or device input. */
export function raw(text: string): SqlFragment {
  return fragment(text);
}

/** Joins fragments with a separator (default `, `). */
export function join(fragments: readonly SqlFragment[], separator: string | SqlFragment = ', '): SqlFragment {
  const sep = typeof separator === 'string' ? separator : separator.text;
  return fragment(fragments.map((part) => part.text).join(sep));
}
