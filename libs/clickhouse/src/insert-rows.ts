/**
 * Rows for JSONEachRow inserts. JSON.stringify would turn a Date into an ISO string (18.16 cannot parse
 * it), a bigint into an exception and NaN into null (silent corruption); this encodes them first.
 */
import { isDateTimeInRange, toEpochSeconds } from './datetime';
import { SqlValueError } from './sql';

export type InsertValue = string | number | bigint | boolean | null | Date | readonly InsertValue[];
export type InsertRow = Readonly<Record<string, InsertValue>>;
/** A row type whose every field is an `InsertValue`; unlike `InsertRow`, interfaces satisfy it too. */
export type InsertRowOf<T> = { readonly [K in keyof T]: InsertValue };
type EncodedValue = string | number | boolean | null | EncodedValue[];

/** The error for a time a `DateTime` column cannot hold (every insert format). */
export function dateTimeOutOfRange(column: string): SqlValueError {
  return new SqlValueError(`column ${column}: invalid Date or outside the DateTime range (1970 .. 2106)`, 'invalid_date');
}

function encodeValue(value: InsertValue, column: string): EncodedValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new SqlValueError(`column ${column}: cannot insert non-finite number ${String(value)}`, 'non_finite_number');
    }
    return value;
  }
  // UInt64/Int64 are read from quoted JSON strings by every version, without precision loss.
  if (typeof value === 'bigint') return value.toString();
  // Epoch seconds: a DateTime column reads them the same whatever its time zone.
  if (value instanceof Date) {
    if (!isDateTimeInRange(value)) throw dateTimeOutOfRange(column);
    return toEpochSeconds(value);
  }
  if (Array.isArray(value)) return value.map((item: InsertValue) => encodeValue(item, column));
  throw new SqlValueError(`column ${column}: cannot insert a value of type ${typeof value}`, 'unsupported_value');
}

export function encodeRow<T extends InsertRowOf<T>>(row: T): Record<string, EncodedValue> {
  const out: Record<string, EncodedValue> = {};
  for (const [column, value] of Object.entries(row) as Array<[string, InsertValue]>) {
    out[column] = encodeValue(value, column);
  }
  return out;
}
