import type { MbusRecord } from '../../mbus';
import { bcdLE, DataRecord, daysInMonth, isoFromParts } from '../../mbus';
import type { AlarmCode, CanonicalUnit, Measurement } from '../../types';
import { manufacturerField } from '../link';
import type { ParsedTelegram } from '../telegram';
import type { DriverContext } from './types';

/** Helpers shared by the drivers. */

type Wild = number | '*';

/**
 * Detection by manufacturer, version and device type ("mvt"), as printed on the DLL (or the long
 * TPL header when present, which identifies the meter behind a radio converter).
 */
export function mvt(...list: [string, Wild, Wild][]): ((t: ParsedTelegram) => boolean) & { manufacturers: readonly string[] } {
  // The M-field's top bit is not part of the three letters (some manufacturers set it): compare 15 bits.
  const rules = list.map(([m, v, ty]) => [manufacturerField(m), v, ty] as const);
  const fn = (t: ParsedTelegram): boolean => {
    for (const [m, v, ty] of rules) {
      if ((t.dll.mField & 0x7fff) === m && (v === '*' || t.dll.version === v) && (ty === '*' || t.dll.deviceType === ty)) return true;
      if (t.tpl.mField !== undefined && (t.tpl.mField & 0x7fff) === m && (v === '*' || t.tpl.version === v) && (ty === '*' || t.tpl.deviceType === ty)) {
        return true;
      }
    }
    return false;
  };
  return Object.assign(fn, { manufacturers: [...new Set(list.map(([m]) => m))] });
}

export function measure(
  ctx: DriverContext,
  quantity: string,
  value: number,
  unit: CanonicalUnit,
  extra: { storage?: number; tariff?: number; register?: string; at?: string } = {},
): void {
  if (!Number.isFinite(value)) return;
  const m: Measurement = { quantity, value, unit, storage: extra.storage ?? 0, tariff: extra.tariff ?? 0 };
  if (extra.register) m.register = extra.register;
  if (extra.at) m.at = extra.at;
  ctx.measurements.push(m);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A record the driver derived (date, status...), kept with the decoded ones so vendor.records shows it. */
export function syntheticRecord(
  quantity: string,
  fields: Partial<Pick<MbusRecord, 'kind' | 'value' | 'unit' | 'text' | 'at' | 'storage' | 'rawValue' | 'description'>>,
): MbusRecord {
  const r = DataRecord.synthetic();
  r.key = 'DRIVER';
  r.storage = fields.storage ?? 0;
  r.kind = fields.kind ?? 'raw';
  r.quantity = quantity;
  r.unit = fields.unit ?? '';
  r.value = fields.value ?? null;
  r.rawValue = fields.rawValue ?? null;
  r.text = fields.text;
  r.at = fields.at;
  r.description = fields.description ?? `${quantity} (derived by the driver)`;
  return r;
}

/** Adds a derived date (and date-time when hour/minute are given) record. */
export function addDate(ctx: DriverContext, quantity: string, y: number, mo: number, d: number, h?: number, mi?: number, storage = 0): void {
  const date = `${y}-${two(mo)}-${two(d)}`;
  const text = h === undefined ? date : `${date} ${two(h)}:${two(mi ?? 0)}`;
  const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && (h ?? 0) < 24 && (mi ?? 0) < 60;
  const at = valid ? isoFromParts(y, mo, d, h ?? 0, mi ?? 0, 0) : undefined;
  ctx.records.push(
    syntheticRecord(quantity, { kind: h === undefined ? 'date' : 'datetime', text, at, storage, description: `${quantity} (derived by the driver)` }),
  );
}

/** Adds months to a (year, month, day) date, clamping the day to the month's last day (or forcing it). */
export function addMonths(y: number, mo: number, d: number, delta: number): [number, number, number] {
  const total = y * 12 + (mo - 1) + delta;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return [ny, nm, Math.min(d, daysInMonth(ny, nm))];
}

export function u16le(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
export function u24le(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16);
}
export function u32le(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
export function i16le(b: Uint8Array, o: number): number {
  const v = u16le(b, o);
  return v >= 0x8000 ? v - 0x10000 : v;
}
export function u16be(b: Uint8Array, o: number): number {
  return (b[o] << 8) | b[o + 1];
}
export function bcd(b: Uint8Array, o: number, n: number): number {
  return bcdLE(b, o, n);
}
export function bcdByte(x: number): number {
  return (x >> 4) * 10 + (x & 0x0f);
}

export function findRecord(records: readonly MbusRecord[], key: string, storage?: number): MbusRecord | undefined {
  for (const r of records) if (r.key === key && (storage === undefined || r.storage === storage)) return r;
  return undefined;
}

/** Integer value of a record (raw, unsigned for manufacturer VIFs). */
export function rawInt(r: MbusRecord | undefined): number | undefined {
  if (!r) return undefined;
  return typeof r.rawValue === 'number' ? r.rawValue : undefined;
}

/** Bit-field status: names of the set bits (wmbusmeters-style text) and their canonical alarms. */
export function bitStatus(
  ctx: DriverContext,
  value: number,
  bits: readonly (readonly [number, string, AlarmCode?])[],
  field = 'status',
): string {
  let text = '';
  for (let i = 0; i < bits.length; i++) {
    const [mask, name, alarm] = bits[i];
    if ((value & mask) === mask && mask !== 0) {
      text = text === '' ? name : `${text} ${name}`;
      if (alarm) ctx.alarms.add(alarm);
    }
  }
  if (text === '') text = 'OK';
  ctx.fields[field] = text;
  return text;
}

/** The names of the set bits as bitStatus writes them, without touching alarms or fields. */
export function bitText(value: number, bits: readonly (readonly [number, string, AlarmCode?])[]): string {
  let text = '';
  for (let i = 0; i < bits.length; i++) {
    const [mask, name] = bits[i];
    if ((value & mask) === mask && mask !== 0) text = text === '' ? name : `${text} ${name}`;
  }
  return text === '' ? 'OK' : text;
}

/** Removes generic measurements a driver re-maps (e.g. a manufacturer reuse of a standard VIF). */
export function dropMeasurements(ctx: DriverContext, pred: (m: Measurement) => boolean): void {
  ctx.measurements = ctx.measurements.filter((m) => !pred(m));
}

/** The application data with leading 0x2F fillers skipped. */
export function skipFillers(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length && b[i] === 0x2f) i++;
  return b.subarray(i);
}

/**
 * Measurements from records found by their DIF/VIF key (manufacturer VIFs mostly):
 * key -> [quantity, unit, factor applied to the raw integer/float, storage?].
 */
export function mapKeys(ctx: DriverContext, table: Record<string, readonly [string, CanonicalUnit, number, number?]>): void {
  for (const r of ctx.records) {
    const rule = table[r.key];
    if (!rule || typeof r.rawValue !== 'number' || r.invalid) continue;
    const [quantity, unit, factor, storage] = rule;
    measure(ctx, quantity, r.rawValue * factor, unit, { storage: storage ?? r.storage, tariff: r.tariff });
  }
}

/** Status text and alarms from the first record with one of `keys`, using `bits`. */
export function statusFromKeys(
  ctx: DriverContext,
  keys: readonly string[],
  bits: readonly (readonly [number, string, AlarmCode?])[],
  field = 'status',
): number | undefined {
  for (const r of ctx.records) {
    if (keys.includes(r.key) && typeof r.rawValue === 'number' && r.storage === 0) {
      bitStatus(ctx, r.rawValue, bits, field);
      return r.rawValue;
    }
  }
  return undefined;
}
