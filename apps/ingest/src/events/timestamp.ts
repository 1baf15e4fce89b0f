import type { Timestamp } from './event-types';

/**
 * RFC 3339 as ChirpStack writes it (`2026-03-02T10:15:30.123456789+00:00`, 0-9 fraction digits); `Z` and other
 * offsets are RFC 3339 too and accepted. Read by hand (no RegExp, no Date): an uplink carries up to
 * 1 + 2 x gateways timestamps, and this is on the hot path.
 */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 0x30;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number written by `count` ASCII digits at `at`, or -1 if one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parses an RFC 3339 timestamp; undefined if the text is not one (or names a day that does not exist).
 * The fraction is truncated to milliseconds in `epochMs`; `text` keeps the full precision. A leap second (:60)
 * counts as second 0 of the next minute, as JavaScript time has no leap seconds.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const n = text.length;
  if (n < 20 || n > 35) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  const t = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || (t !== 0x54 && t !== 0x74)) return undefined; // - - T
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined; // : :
  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === 0x2e) {
    // '.': 1 to 9 digits, the first three are milliseconds
    at++;
    const start = at;
    while (at < n && at - start < 10) {
      const d = text.charCodeAt(at) - ZERO;
      if (d < 0 || d > 9) break;
      if (at - start < 3) millis = millis * 10 + d;
      at++;
    }
    const count = at - start;
    if (count < 1 || count > 9) return undefined;
    if (count < 3) millis *= count === 1 ? 100 : 10;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if (zone === 0x5a || zone === 0x7a) {
    if (at + 1 !== n) return undefined; // Z z
  } else if (zone === 0x2b || zone === 0x2d) {
    // + -
    if (at + 6 !== n || text.charCodeAt(at + 3) !== 0x3a) return undefined;
    const offsetHour = digits(text, at + 1, 2);
    const offsetMinute = digits(text, at + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
    offsetMinutes = (zone === 0x2d ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  } else {
    return undefined;
  }
  const epochSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return { text, epochMs: epochSeconds * 1000 + millis };
}
