/**
 * `new Date(ms).toISOString()` without the Date: the codecs print a time per sample, and V8's
 * toISOString costs about half a microsecond. Same output (including the RangeError of an
 * invalid time); times outside 1970..9999 or with a fraction of a millisecond take the Date path.
 */
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** "HH:MM:" of a minute of the day, "SS." of a second, "mmmZ" of a millisecond: fewer pieces to join per time. */
const HOUR_MINUTE = Array.from({ length: 1440 }, (_, i) => `${PAD2[Math.floor(i / 60)]}:${PAD2[i % 60]}:`);
const SECOND_DOT = Array.from({ length: 60 }, (_, i) => `${PAD2[i]}.`);
const MILLIS_Z = PAD3.map((m) => `${m}Z`);
/** "HH:MM:00.000Z" and "HH:MM:00.000" of a whole minute of the day (meter times mostly are): one piece to join. */
const WHOLE_MINUTE_Z = HOUR_MINUTE.map((hm) => `${hm}00.000Z`);
const WHOLE_MINUTE = HOUR_MINUTE.map((hm) => `${hm}00.000`);
const DAY_MS = 86_400_000;
const YEAR_10000_MS = 253_402_300_800_000;

let cachedDay = NaN;
let cachedPrefix = '';

/** "YYYY-MM-DDT" of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
function dayPrefix(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${PAD2[month]}-${PAD2[day]}T`;
}

/** `new Date(ms).toISOString()`, or with `zone` in place of its trailing "Z". */
export function isoString(ms: number, zone = 'Z'): string {
  if (!(ms >= 0 && ms < YEAR_10000_MS) || !Number.isInteger(ms)) {
    const iso = new Date(ms).toISOString();
    return zone === 'Z' ? iso : iso.slice(0, -1) + zone;
  }
  const days = Math.floor(ms / DAY_MS);
  if (days !== cachedDay) {
    cachedPrefix = dayPrefix(days);
    cachedDay = days;
  }
  let rest = ms - days * DAY_MS;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  if (rest === 0) {
    if (zone === 'Z') return cachedPrefix + WHOLE_MINUTE_Z[minutes];
    if (zone === '') return cachedPrefix + WHOLE_MINUTE[minutes];
  }
  if (zone === 'Z') return cachedPrefix + HOUR_MINUTE[minutes] + SECOND_DOT[seconds] + MILLIS_Z[millis];
  return cachedPrefix + HOUR_MINUTE[minutes] + SECOND_DOT[seconds] + PAD3[millis] + zone;
}

let lastText: string | undefined;
let lastIso = '';

/** `new Date(text).toISOString()`, remembering the last answer (a frame's records share their times). */
export function isoOfText(text: string): string {
  if (text !== lastText) {
    lastIso = isoString(Date.parse(text)); // new Date(text) parses as Date.parse does
    lastText = text;
  }
  return lastIso;
}
