/**
 * Date helpers. ClickHouse 18.16 has no DateTime64: `DateTime('UTC')` columns hold whole seconds.
 * Milliseconds, where they matter, travel as a separate UInt64 of epoch milliseconds.
 */

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `DateTime` holds unsigned 32-bit epoch seconds: 1970-01-01 00:00:00 .. 2106-02-07 06:28:15 UTC. */
const DATETIME_MAX_MS = 4294967295 * 1000;

/** True for a valid Date that a `DateTime` column can hold. */
export function isDateTimeInRange(date: Date): boolean {
  return isDateTimeMsInRange(date.getTime());
}

/** `isDateTimeInRange` of epoch milliseconds (false for NaN). */
export function isDateTimeMsInRange(ms: number): boolean {
  return ms >= 0 && ms <= DATETIME_MAX_MS;
}

function assertValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
}

/** `YYYY-MM-DD hh:mm:ss` in UTC (milliseconds dropped), the text form of `DateTime` on every version. */
export function formatDateTimeUtc(date: Date): string {
  assertValid(date);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** Whole epoch seconds (floor), the time-zone-free way to send a `DateTime` in JSONEachRow. */
export function toEpochSeconds(date: Date): number {
  assertValid(date);
  return Math.floor(date.getTime() / 1000);
}

/** Epoch milliseconds, for UInt64 millisecond columns (18.16 has no DateTime64). */
export function toEpochMillis(date: Date): number {
  assertValid(date);
  return date.getTime();
}

/** Parses a `DateTime` value as ClickHouse returns it in JSON (`YYYY-MM-DD hh:mm:ss`, UTC column). */
export function parseDateTimeUtc(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a ClickHouse DateTime: ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0));
}
