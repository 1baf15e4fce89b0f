import type { Measurement } from '../types';
import { daysInMonth, isoFromParts } from './dates';
import type { MbusProfile, MbusRecord } from './records';

const FUNCTION_SUFFIX = { instantaneous: '', maximum: '_max', minimum: '_min', error: '_at_error' } as const;

/** The register of a record: its direction/phase (VIFE), prefixed by its subunit when not 0. */
export function recordRegister(r: MbusRecord): string | undefined {
  if (r.subunit > 0) return r.register ? `subunit${r.subunit}.${r.register}` : `subunit${r.subunit}`;
  return r.register;
}

/**
 * Canonical measurements from decoded records: every record with a numeric value and a measured
 * kind (not identifiers, flags, dates or manufacturer raw values). The function field becomes a
 * quantity suffix (`_max`, `_min`, `_at_error`); storage and tariff are kept, the register is the
 * subunit and/or the direction (`reverse`, `forward`, `L1`...). Compact profiles are expanded when
 * `expandProfiles` is set (their elements get the profile's storage and an index register).
 *
 * A measurement gets `at` from the date/datetime record with the same storage number and subunit,
 * when the block carries one.
 */
export function recordsToMeasurements(records: readonly MbusRecord[], options: { expandProfiles?: boolean } = {}): Measurement[] {
  const dates = new Map<number, string>();
  let hasInterval = false;
  for (const r of records) {
    if (r.quantity === 'storage_interval') hasInterval = true;
    if ((r.kind === 'date' || r.kind === 'datetime') && r.at && (r.quantity === 'date' || r.quantity === 'datetime')) {
      const k = r.storage * 256 + r.subunit;
      // A full date-time wins over a bare date for the same slot.
      if (!dates.has(k) || r.quantity === 'datetime') dates.set(k, r.at);
    }
  }
  // A storage interval (VIF FD 24-29) at storage s0 with a date at s0 dates the later storage
  // numbers: storage s0 + k was taken k intervals before the s0 date (EN 13757-3 storage semantics).
  for (const r of hasInterval ? records : []) {
    if (r.quantity !== 'storage_interval' || typeof r.rawValue !== 'number' || r.rawValue <= 0) continue;
    const base = dates.get(r.storage * 256 + r.subunit);
    if (!base) continue;
    const code = r.vifCode & 0xff;
    const profile: MbusProfile =
      code === 0x28 || code === 0x29
        ? { mode: 'absolute', spacingSeconds: 0, spacingMonths: r.rawValue * (code === 0x29 ? 12 : 1), inverse: true, values: [] }
        : { mode: 'absolute', spacingSeconds: r.value ?? 0, inverse: true, values: [] };
    const parsed = parseIso(base);
    if (!parsed) continue;
    for (const other of records) {
      const k = other.storage - r.storage;
      if (k <= 0 || other.subunit !== r.subunit) continue;
      const slot = other.storage * 256 + other.subunit;
      if (!dates.has(slot)) {
        const t = stepTime(parsed, profile, -k);
        if (t) dates.set(slot, t);
      }
    }
  }
  const out: Measurement[] = [];
  for (const r of records) {
    if (r.plainTextUnit !== undefined && r.value !== null && Number.isFinite(r.value)) {
      // A plain-text unit (VIF 7C/FC): the unit is the quantity, e.g. "CO2" -> text_unit_co2.
      out.push({ quantity: `text_unit_${plainTextQuantity(r.plainTextUnit)}`, value: r.value, unit: '', storage: r.storage, tariff: r.tariff });
      continue;
    }
    if (r.kind !== 'number') continue;
    const register = recordRegister(r);
    const at = dates.get(r.storage * 256 + r.subunit);
    if (r.profile) {
      if (!options.expandProfiles) continue;
      const p = r.profile;
      const quantity = p.mode === 'absolute' ? r.quantity : `${r.quantity}_${p.mode === 'signed' ? 'difference' : p.mode}`;
      const base = at ? parseIso(at) : undefined;
      const values = p.values;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null) continue;
        // Steps from the base time: the inverse profile starts with the newest element, one step
        // before the base, going back; the compact profile is chronological, its first element one
        // step after the base.
        const steps = p.inverse ? -(i + 1) : i + 1;
        const t = base ? stepTime(base, p, steps) : undefined;
        out.push(measurement(quantity, v, r.unit, r.storage, r.tariff, register ? `${register}.profile_${i}` : `profile_${i}`, t));
      }
      continue;
    }
    if (r.value === null || !Number.isFinite(r.value)) continue;
    const suffix = FUNCTION_SUFFIX[r.function];
    out.push(measurement(suffix === '' ? r.quantity : r.quantity + suffix, r.value, r.unit, r.storage, r.tariff, register, at));
  }
  return out;
}

/**
 * A measurement built in one literal per combination of the optional fields (register before at,
 * as always), so that measurements share few hidden classes.
 */
function measurement(
  quantity: string,
  value: number,
  unit: Measurement['unit'],
  storage: number,
  tariff: number,
  register: string | undefined,
  at: string | undefined,
): Measurement {
  if (register) return at ? { quantity, value, unit, storage, tariff, register, at } : { quantity, value, unit, storage, tariff, register };
  return at ? { quantity, value, unit, storage, tariff, at } : { quantity, value, unit, storage, tariff };
}

interface ParsedTime {
  ms: number;
  y: number;
  m: number;
  d: number;
  /** Milliseconds into the day. */
  rest: number;
  lastOfMonth: boolean;
}

function parseIso(iso: string): ParsedTime | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  return { ms, y, m, d, rest: ms - Date.UTC(y, m - 1, d), lastOfMonth: daysInMonth(y, m) === d };
}

function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The time `steps` spacings away from `base` (negative = earlier). Monthly spacing keeps a base on
 * the last day of a month on the last day of each month.
 */
function stepTime(b: ParsedTime, p: MbusProfile, steps: number): string | undefined {
  if (p.spacingMonths !== undefined) {
    const months = p.spacingMonths * steps;
    if (!Number.isInteger(months)) return isoFromMs(b.ms + months * 30.436875 * 86400000);
    const total = b.y * 12 + (b.m - 1) + months;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    const last = daysInMonth(y, m);
    const d = b.lastOfMonth ? last : Math.min(b.d, last);
    const sec = Math.floor(b.rest / 1000);
    return isoFromParts(y, m, d, Math.floor(sec / 3600), Math.floor(sec / 60) % 60, sec % 60);
  }
  return isoFromMs(b.ms + steps * p.spacingSeconds * 1000);
}

/** The time `steps` spacings of profile `p` away from the ISO time `base` (negative = earlier). */
export function profileTime(base: string, p: MbusProfile, steps: number): string | undefined {
  const b = parseIso(base);
  return b ? stepTime(b, p, steps) : undefined;
}

function plainTextQuantity(text: string): string {
  let q = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    q += alnum ? text[i].toLowerCase() : '_';
  }
  return q;
}
