import { CodecError } from '../../errors';
import type { JsonObject, JsonValue } from '../../types';
import { isoString } from '../iso-time';
import type { KData, KRecord, Vib } from './walk';

/**
 * The output of Kamstrup's `mbusparser.js` built from the walked records: `values` of
 * {Type, Value, Unit, Timestamp} (function "Max "/"Min "/"Error state " and orthogonal
 * "Reverse " prefixed to the type), date records mapped onto the records of the same storage
 * number (ISO without "Z"), info codes expanded into eight booleans, invalid values as null
 * with unit "Invalid" and a warning, and inverse compact profiles expanded backwards from their
 * base value (same type, unit, resolution and storage) and base time, one element per spacing.
 */
export const INFO_CODES = ['Dry', 'Reverse', 'Leak', 'Burst', 'Tamper', 'Low Battery', 'Low Ambient Temperature', 'High Ambient Temperature'];
const FUNCTION_PREFIX = ['', 'Max ', 'Min ', 'Error state '];

export interface ProfilePoint {
  type: string;
  unit: string;
  value: number | null;
  /** ISO-8601 without the trailing "Z", as the vendor prints it. */
  timestamp: string;
  /** The same step in calendar arithmetic (a month back from 31 March is 29 February, not 2 March). */
  at: string;
  storage: number;
}

export interface KamstrupOutput {
  vendor: JsonObject;
  warnings: string[];
  profile: ProfilePoint[];
}

/** JavaScript's arithmetic on the vendor's data: a Date counts as its milliseconds, `{}` as NaN. */
function numeric(data: KData): number {
  if (data === undefined || data.kind === 'none') return NaN;
  return data.kind === 'date' ? data.date.getTime() : data.value;
}

function normalize(n: number, resolution: number): number | null {
  const v = Math.round(n * resolution * 1e10) / 1e10;
  return Number.isNaN(v) ? null : v === 0 ? 0 : v;
}

/** ISO-8601 without the trailing "Z", as the vendor prints it. */
const iso = (d: Date): string => isoString(d.getTime(), '');

const SPACING_SECONDS = [1, 60, 3600, 86400];
const MAX_DATE_MS = 8.64e15;

const DAY_MS = 86_400_000;
const YEAR_10000_MS = 253_402_300_800_000;
const MONTH_STEPS = [0, 6, 3, 1];

/** Days since 1970-01-01 of a (proleptic Gregorian) date; month 1-12, the day may run past the month. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Year, month (1-12), day of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
let civilY = 0;
let civilM = 0;
let civilD = 0;
function civil(days: number): void {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilD = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilM = mp < 10 ? mp + 3 : mp - 9;
  civilY = yoe + era * 400 + (civilM <= 2 ? 1 : 0);
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(y, m + 1, 1) - daysFromCivil(y, m, 1);
}

/**
 * The script's monthly step back, `setUTCMonth(getUTCMonth() - months)` on the time `ms` (a day past
 * the target month's end runs into the next month, as Date does), by arithmetic for 1970..9999.
 */
function monthsBack(ms: number, months: number): number {
  if (!(ms >= 0 && ms < YEAR_10000_MS) || ms % 1 !== 0) {
    const d = new Date(ms);
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.getTime();
  }
  const days = Math.floor(ms / DAY_MS);
  civil(days);
  const m0 = civilM - 1 - months;
  const y = civilY + Math.floor(m0 / 12);
  const t = daysFromCivil(y, m0 - Math.floor(m0 / 12) * 12 + 1, civilD) * DAY_MS + (ms - days * DAY_MS);
  return Math.abs(t) <= MAX_DATE_MS ? t : NaN;
}

/** `steps` spacings before `base`, months clamped to the month's last day. */
function calendarBack(base: Date, steps: number, unit: number, spacing: number): Date {
  const baseMs = base.getTime();
  if (spacing === 254 && baseMs >= 0 && baseMs < YEAR_10000_MS && baseMs % 1 === 0) {
    // By arithmetic (the years stay far above 99, where Date.UTC would read 19xx).
    const days = Math.floor(baseMs / DAY_MS);
    civil(days);
    const m0 = civilM - 1 - steps * MONTH_STEPS[unit];
    const y = civilY + Math.floor(m0 / 12);
    const m = m0 - Math.floor(m0 / 12) * 12 + 1;
    if (y >= 100) {
      const t = daysFromCivil(y, m, Math.min(civilD, daysInMonth(y, m))) * DAY_MS + (baseMs - days * DAY_MS);
      return new Date(Math.abs(t) <= MAX_DATE_MS ? t : NaN);
    }
  }
  if (spacing !== 254) return new Date(base.getTime() - steps * spacing * [1, 60, 3600, 86400][unit] * 1000);
  const months = steps * [0, 6, 3, 1][unit];
  const y = base.getUTCFullYear();
  const m = base.getUTCMonth() - months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(base.getTime());
  d.setUTCFullYear(y, m, Math.min(base.getUTCDate(), last));
  return d;
}

/** The vendor's type names of a VIB, by function field (the VIBs are cached, so are their names). */
const TYPE_NAMES = new WeakMap<Vib, readonly string[]>();

/** The function prefix, the orthogonal VIFE name and the VIB type, e.g. "Max Reverse Volume". */
function typeName(r: KRecord): string {
  let names = TYPE_NAMES.get(r.vib);
  if (names === undefined) {
    const vib = r.vib;
    const ortho = vib.ortho !== 'NA' && vib.ortho !== 'Inverse Compact Profile' ? `${vib.ortho} ` : '';
    names = FUNCTION_PREFIX.map((prefix) => prefix + ortho + vib.type);
    TYPE_NAMES.set(vib, names);
  }
  return names[r.functionField];
}

export function buildOutput(records: KRecord[]): KamstrupOutput {
  const warnings: string[] = [];
  const types = records.map(typeName);
  const timestamps = new Map<number, KData>();
  records.forEach((r, k) => {
    if (types[k] !== 'Date/time') return;
    if (r.data !== undefined) timestamps.set(r.storage, r.data);
    else warnings.push('Invalid value among timestamps');
  });
  // The time text of a storage number, printed once per frame (its records share it).
  const timeTexts = new Map<number, string | null>();
  const timeOf = (storage: number): string | null => {
    let text = timeTexts.get(storage);
    if (text === undefined) {
      const t = timestamps.get(storage);
      text = t?.kind === 'date' ? iso(t.date) : null;
      timeTexts.set(storage, text);
    }
    return text;
  };

  const values: JsonValue[] = [];
  const profile: ProfilePoint[] = [];
  const out: JsonObject = { values };
  records.forEach((r, k) => {
    const type = types[k];
    if (type === 'Date/time') return;
    if (type.includes('Infocode') && r.data !== undefined) {
      const bits = numeric(r.data);
      INFO_CODES.forEach((name, j) => values.push({ Type: name, Value: (bits & (1 << j)) !== 0, Unit: r.vib.unit, Timestamp: timeOf(r.storage) }));
      return;
    }
    if (!r.vib.isProfile) {
      let data = r.data;
      if (type === 'ALD last day' && data?.kind === 'number' && data.value === 4095) data = undefined;
      let unit = r.vib.unit;
      let value: number | null = null;
      if (data !== undefined) value = normalize(numeric(data), r.vib.resolution);
      else {
        unit = 'Invalid';
        warnings.push('Invalid value among data');
      }
      values.push({ Type: type, Value: value, Unit: unit, Timestamp: timeOf(r.storage) });
      if (type === 'Volume') out.latestVolume = value;
      return;
    }
    const base = records.find(
      (b, n) => types[n] === type && b.vib.unit === r.vib.unit && b.storage === r.storage && b.vib.resolution === r.vib.resolution && b.vib.isProfile !== r.vib.isProfile,
    );
    if (base === undefined || base.data === undefined) {
      throw new CodecError('MALFORMED', 'Invalid uplink payload: Could not find base value for profile data');
    }
    const baseTime = timestamps.get(r.storage);
    if (baseTime === undefined) throw new CodecError('MALFORMED', 'Invalid uplink payload: Could not find base time for profile data');
    if (baseTime.kind !== 'date') throw new CodecError('MALFORMED', 'Invalid uplink payload: the base time of the profile data is not a date');
    const p = r.profile;
    if (!p) throw new CodecError('MALFORMED', 'Invalid uplink payload: a compact-profile VIF on a record that is not LVAR');
    let current = numeric(base.data);
    // Spacings in seconds to days: the vendor's step and the calendar's are the same subtraction in UTC.
    const fixed = p.spacingValue > 0 && p.spacingValue < 251;
    const stepMs = fixed ? p.spacingValue * SPACING_SECONDS[p.spacingUnit] * 1000 : 0;
    const baseMs = baseTime.date.getTime();
    // The script steps back with Date setters: seconds to days are the plain subtraction (`fixed`),
    // months (spacing 254) go back from the previous element's time; other spacings it does not know.
    const monthly = p.spacingValue === 254 && p.spacingUnit >= 1;
    let tsMs = baseMs;
    for (let k = 0; k < p.values.length; k++) {
      const delta = p.values[k];
      let ms = NaN;
      if (fixed) ms = baseMs - (k + 1) * stepMs;
      else if (monthly) ms = tsMs = monthsBack(tsMs, MONTH_STEPS[p.spacingUnit]);
      if (delta === undefined || !(Math.abs(ms) <= MAX_DATE_MS)) {
        warnings.push('Invalid value among profile values or timestamps for profile values');
        break;
      }
      current = p.incMode === 2 ? current + delta : current - delta;
      const timestamp = isoString(ms, '');
      const at = fixed ? `${timestamp}Z` : isoString(calendarBack(baseTime.date, k + 1, p.spacingUnit, p.spacingValue).getTime());
      const point: ProfilePoint = { type, unit: r.vib.unit, value: normalize(current, r.vib.resolution), timestamp, at, storage: r.storage };
      profile.push(point);
      values.push({ Type: type, Value: point.value, Unit: point.unit, Timestamp: point.timestamp });
    }
  });
  return { vendor: out, warnings, profile };
}
