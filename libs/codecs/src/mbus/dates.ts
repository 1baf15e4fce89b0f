/**
 * EN 13757-3 Annex A date/time types. All are little-endian bit fields; the century is not
 * transmitted, years are 2000 + the 7-bit year (0..99; 100..127 do not occur in valid data).
 *
 *   G (16 bit, date):             day b0[0..4], month b1[0..3], year b0[5..7] | b1[4..7] << 3
 *   F (32 bit, date + time):      minute b0[0..5], invalid b0[7], hour b1[0..4], summer time b1[7],
 *                                 then the 16-bit type G date in b2..b3
 *   I (48 bit, date + time + s):  second b0[0..5], minute b1[0..5], invalid b1[7], hour b2[0..4],
 *                                 day of week b2[5..7], date as type G in b3..b4, week b5[0..5]
 *   J (24 bit, time):             second b0[0..5], minute b1[0..5], hour b2[0..4]
 *
 * Times are the meter's local time; they are rendered as if UTC (the meter does not say its zone).
 */
export interface MbusDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Type F/I invalid bit set, or an impossible date (month 0/13+, day 0). */
  invalid: boolean;
  /** Type F/I summer time bit. */
  summerTime: boolean;
  /** Which fields are meaningful: date (G), datetime (F: minutes), datetime with seconds (I), time (J). */
  type: 'G' | 'F' | 'I' | 'J';
}

/** "00".."99", looked up rather than built (dates are formatted for every date record). */
const TWO: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

function two(n: number): string {
  const s = TWO[n];
  if (s !== undefined) return s;
  return n < 10 ? `0${n}` : `${n}`;
}

/** "YYYY-MM-DD" by (year, month, day), built once per day seen. */
const DAY_TEXT = new Map<number, string>();

function dayText(y: number, mo: number, d: number): string {
  if (!(y >= 0 && y <= 9999 && mo >= 0 && mo <= 15 && d >= 0 && d <= 31) || y % 1 !== 0 || mo % 1 !== 0 || d % 1 !== 0) {
    return `${y}-${two(mo)}-${two(d)}`;
  }
  const k = (y * 16 + mo) * 32 + d;
  let s = DAY_TEXT.get(k);
  if (s === undefined) {
    s = `${y}-${two(mo)}-${two(d)}`;
    if (DAY_TEXT.size >= 65536) DAY_TEXT.clear();
    DAY_TEXT.set(k, s);
  }
  return s;
}

function dateG(lo: number, hi: number): { year: number; month: number; day: number } {
  return { day: lo & 0x1f, month: hi & 0x0f, year: 2000 + (((lo & 0xe0) >> 5) | ((hi & 0xf0) >> 1)) };
}

function plausible(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Type G: date. */
export function decodeTypeG(b: Uint8Array, offset = 0): MbusDateTime {
  const { year, month, day } = dateG(b[offset], b[offset + 1]);
  return { year, month, day, hour: 0, minute: 0, second: 0, invalid: !plausible(month, day), summerTime: false, type: 'G' };
}

/** Type F: date and time to the minute. */
export function decodeTypeF(b: Uint8Array, offset = 0): MbusDateTime {
  const minute = b[offset] & 0x3f;
  const hour = b[offset + 1] & 0x1f;
  const { year, month, day } = dateG(b[offset + 2], b[offset + 3]);
  const invalid = (b[offset] & 0x80) !== 0 || !plausible(month, day) || hour > 23 || minute > 59;
  return { year, month, day, hour, minute, second: 0, invalid, summerTime: (b[offset + 1] & 0x80) !== 0, type: 'F' };
}

/** Type I: date and time to the second. */
export function decodeTypeI(b: Uint8Array, offset = 0): MbusDateTime {
  const second = b[offset] & 0x3f;
  const minute = b[offset + 1] & 0x3f;
  const hour = b[offset + 2] & 0x1f;
  const { year, month, day } = dateG(b[offset + 3], b[offset + 4]);
  const invalid = (b[offset + 1] & 0x80) !== 0 || !plausible(month, day) || hour > 23 || minute > 59 || second > 59;
  return { year, month, day, hour, minute, second, invalid, summerTime: (b[offset] & 0x40) !== 0, type: 'I' };
}

/** Type J: time of day. */
export function decodeTypeJ(b: Uint8Array, offset = 0): MbusDateTime {
  const second = b[offset] & 0x3f;
  const minute = b[offset + 1] & 0x3f;
  const hour = b[offset + 2] & 0x1f;
  return { year: 0, month: 0, day: 0, hour, minute, second, invalid: hour > 23 || minute > 59 || second > 59, summerTime: false, type: 'J' };
}

/** Picks the type from the data length: 2 = G, 3 = J, 4 = F, 6 = I. Returns undefined for other lengths. */
export function decodeMbusDate(b: Uint8Array, offset: number, length: number): MbusDateTime | undefined {
  switch (length) {
    case 2:
      return decodeTypeG(b, offset);
    case 3:
      return decodeTypeJ(b, offset);
    case 4:
      return decodeTypeF(b, offset);
    case 6:
      return decodeTypeI(b, offset);
    default:
      return undefined;
  }
}

/** "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS" (wmbusmeters' style). */
export function formatMbusDate(d: MbusDateTime): string {
  const date = dayText(d.year, d.month, d.day);
  switch (d.type) {
    case 'G':
      return date;
    case 'F':
      return `${date} ${two(d.hour)}:${two(d.minute)}`;
    case 'I':
      return `${date} ${two(d.hour)}:${two(d.minute)}:${two(d.second)}`;
    case 'J':
      return `${two(d.hour)}:${two(d.minute)}:${two(d.second)}`;
  }
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1];
}

/** ISO-8601 exactly as `Date.toISOString()` writes it, from calendar fields (no Date allocation). */
export function isoFromParts(y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  return `${dayText(y, mo, d)}T${two(h)}:${two(mi)}:${two(s)}.000Z`;
}

/**
 * ISO-8601 as `Date.toISOString()` writes it (meter local time rendered as UTC), or undefined for an
 * invalid or impossible date (e.g. 31 February) and for a bare time.
 */
export function mbusDateToIso(d: MbusDateTime): string | undefined {
  if (d.invalid || d.type === 'J') return undefined;
  if (d.day > daysInMonth(d.year, d.month)) return undefined;
  return isoFromParts(d.year, d.month, d.day, d.hour, d.minute, d.second);
}
