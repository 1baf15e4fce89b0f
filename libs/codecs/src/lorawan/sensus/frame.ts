import { CodecError } from '../../errors';
import type { OmsBuffer } from './buffer';
import { omsDate } from './buffer';
import type { VifUnit } from './vif';
import { lookupVif } from './vif';

/**
 * The iPERL decoder's frame walk (vendor/sensus/iperl-oms.js, Kotlin/JS, revision 44aafd7):
 *  - an optional AFL (0x90, length, skipped); CI 0x78 (no TPL header), 0x7A/0x74 (short:
 *    access no, status, config), 0x72/0x75 (long: BCD identification, manufacturer, version,
 *    device, then the short header); any other CI: "Unsupported CI value";
 *  - records until the end: 0x2F and 0x00 skipped; DIF and VIF with their extensions packed LE;
 *    storage, tariff and subunit from the DIFEs; data field 15 takes the rest as "0x" + hex;
 *  - an LVAR record whose first VIFE is 0x1E, 0x1F or 0x13 is a compact profile: spacing control
 *    (element type, spacing unit, mode), spacing value, elements until LVAR is consumed, each
 *    timed and accumulated from the earlier TIME_POINT and same-type record of its storage;
 *  - alarms from the first ERROR_FLAGS record, else from the TPL status byte.
 */
export interface ProfilePoint {
  /** The decoder's time (epoch seconds, -1 when unknown). */
  timestamp: number;
  /** The same element timed as the standard says (monthly inverse profiles go back, not forward). */
  at: number;
  storage: number;
  value: bigint;
  /** Number(value), converted once. */
  number: number;
}

export interface OmsRecord {
  dif: number;
  storage: number;
  tariff: number;
  subUnit: number;
  function: number;
  vif: number;
  unit: VifUnit;
  value: bigint;
  strValue: string | null;
  profile?: ProfilePoint[];
}

export interface OmsHeader {
  identificationNo: number | null;
  manufacturer: number | null;
  manufacturerCode: string | null;
  version: number | null;
  device: number | null;
  accessNo: number | null;
  status: number | null;
  config: number | null;
}

const NO_VIF: VifUnit = { type: 'NO_TYPE', unit: 'NO_UNIT', exponent: 0 };

/** Byte `k` of the decoder's `BigInt(value) & 0x7fffffffffffffffn` for an int32 `value` (sign-extended). */
function difByte(value: number, k: number): number {
  if (k < 4) return (value >>> (8 * k)) & 255;
  if (value >= 0 || k > 7) return 0;
  return k === 7 ? 0x7f : 0xff;
}

/** A record of the DIF `value`, its VIF and value still to be filled in. */
function dif(value: number): OmsRecord {
  let storage = (value & 64) >> 6;
  let tariff = 0;
  let subUnit = 0;
  for (let r = 1, o = difByte(value, 1); o > 0; r++, o = difByte(value, r)) {
    storage += (o & 15) << (4 * (r - 1) + 1);
    tariff += ((o & 48) >> 4) << (2 * (r - 1));
    subUnit += ((o & 64) >> 6) << (r - 1);
  }
  return { dif: value, storage, tariff, subUnit, function: (value & 48) >> 4, vif: 0, unit: NO_VIF, value: 0n, strValue: null, profile: undefined };
}

export function readHeader(buf: OmsBuffer): OmsHeader {
  if (buf.peek() === 0x90) {
    buf.byte();
    buf.skip(buf.byte());
  }
  const ci = buf.byte();
  const header: OmsHeader = {
    identificationNo: null, manufacturer: null, manufacturerCode: null, version: null,
    device: null, accessNo: null, status: null, config: null,
  };
  if (ci === 0x78) return header;
  if (ci === 0x72 || ci === 0x75) {
    header.identificationNo = parseInt(buf.bcdDigits(4), 10);
    const m = buf.uint16();
    header.manufacturer = m;
    header.manufacturerCode = [10, 5, 0].map((s) => String.fromCharCode(64 + ((m >> s) & 31))).join('');
    header.version = buf.byte();
    header.device = buf.byte();
  } else if (ci !== 0x7a && ci !== 0x74) {
    throw new CodecError('UNSUPPORTED_FRAME', `Unsupported CI value: ${ci}`, { ci });
  }
  header.accessNo = buf.byte();
  header.status = buf.byte();
  header.config = buf.uint16();
  return header;
}

function find(records: OmsRecord[], type: string, storage: number): OmsRecord | undefined {
  return records.find((r) => r.unit.type === type && r.storage === storage);
}

const SPACING_SECONDS = [1, 60, 3600, 86400];
const MAX_DATE_MS = 8.64e15;

/** The profile element's time: `w` spacings from the base time (back in time for inverse profiles). */
function elementTime(base: number, w: number, unit: number, spacing: number, inverse: boolean, vendorMonths = true): number {
  if (base === -1 || spacing === 0 || !((spacing >= 1 && spacing <= 250) || spacing === 254)) return -1;
  if (spacing <= 250) {
    // Seconds to days: plain arithmetic in UTC, within Date's range.
    const ms = base * 1000;
    const step = w * (inverse ? -spacing : spacing);
    const time = ms + step * SPACING_SECONDS[unit] * 1000;
    if (!(Math.abs(ms) <= MAX_DATE_MS && Math.abs(time) <= MAX_DATE_MS)) {
      throw new CodecError('MALFORMED', `compact profile time out of range (base ${base} s)`, { base });
    }
    return time / 1000;
  }
  const d = new Date(base * 1000);
  if (unit > 0) {
    // Months: the decoder adds them even for inverse profiles; day clamped to the month's end.
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + (inverse && !vendorMonths ? -w : w) * [0, 6, 3, 1][unit]);
    d.setUTCDate(Math.min(day, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  }
  if (!Number.isFinite(d.getTime())) {
    throw new CodecError('MALFORMED', `compact profile time out of range (base ${base} s)`, { base });
  }
  return d.getTime() / 1000;
}

function accumulate(v: bigint, mode: number, g: bigint, inverse: boolean): bigint {
  const sign = inverse ? -1n : 1n;
  const abs = g < 0n ? -g : g;
  if (mode === 1) return v + sign * abs;
  if (mode === 2) return v - sign * abs;
  if (mode === 3) return v + sign * g;
  return g;
}

function profileRecord(buf: OmsBuffer, records: OmsRecord[], d: OmsRecord, vif: number): OmsRecord {
  const lvar = buf.byte();
  const control = buf.byte();
  const spacing = buf.byte();
  const elementType = control & 15;
  if ((elementType & 7) === 0 && elementType !== 13) {
    throw new CodecError('MALFORMED', `compact profile element type ${elementType} has no size (the vendor decoder would never stop)`);
  }
  const spacingUnit = (control & 48) >> 4;
  const mode = (control & 192) >> 6;
  const inverse = ((vif >> 8) & 255) === 19;
  const full = lookupVif(vif);
  const time = find(records, 'TIME_POINT', d.storage);
  const baseTime = time ? Number(time.value) : -1;
  const base = find(records, full.type, d.storage);
  const baseStorage = base ? base.storage : 0;
  let current = base ? base.value : 0n;
  const points: ProfilePoint[] = [{ timestamp: baseTime, at: baseTime, storage: baseStorage, value: current, number: Number(current) }];
  const end = buf.pos + lvar - 2;
  for (let w = 1; buf.pos < end; w++) {
    const g = elementType === 13 ? buf.lvar() : buf.number(elementType);
    if (g === -32768n) continue;
    current = accumulate(current, mode, g, inverse);
    const timestamp = elementTime(baseTime, w, spacingUnit, spacing, inverse);
    points.push({
      timestamp,
      // The calendar time differs from the vendor's only for inverse monthly profiles.
      at: spacing === 254 && spacingUnit > 0 && inverse ? elementTime(baseTime, w, spacingUnit, spacing, inverse, false) : timestamp,
      storage: (w + baseStorage) & 255,
      value: current,
      number: Number(current),
    });
  }
  const recordVif = vif & 127;
  d.vif = recordVif;
  d.unit = recordVif ? lookupVif(recordVif) : NO_VIF;
  d.profile = points;
  return d;
}

export function readRecords(buf: OmsBuffer): OmsRecord[] {
  const records: OmsRecord[] = [];
  while (!buf.done) {
    const next = buf.peek();
    if (next === 0x2f || next === 0) {
      buf.byte();
      continue;
    }
    const d = dif(buf.extended());
    const field = d.dif & 15;
    if (field === 15) {
      const hex = Array.from(buf.rest(), (b) => b.toString(16).padStart(2, '0')).join('');
      d.strValue = `0x${hex}`;
      records.push(d);
      continue;
    }
    const vif = buf.extended();
    if (field === 13 && [30, 31, 19].includes((vif >> 8) & 255)) {
      records.push(profileRecord(buf, records, d, vif));
      continue;
    }
    const unit = vif ? lookupVif(vif) : NO_VIF;
    let value: bigint;
    let strValue: string | null = null;
    if (field === 13) {
      value = buf.lvar();
    } else {
      value = buf.number(field);
      if (field <= 8 && unit.unit === 'DATETIME') {
        const date = omsDate(value, field & 7);
        value = BigInt(date.epochSeconds);
        strValue = date.text;
      }
    }
    d.vif = vif;
    d.unit = unit;
    d.value = value;
    d.strValue = strValue;
    records.push(d);
  }
  return records;
}

const FLAG_ALARMS: ReadonlyArray<[number, string]> = [
  [1, 'MECHANICAL_TAMPERING'], [2, 'LOW_BATTERY'], [8, 'BATTERY_CUT'], [16, 'HW_SW_ERROR'], [64, 'MAGNETIC_TAMPERING'],
];
const FLAG2_ALARMS: ReadonlyArray<[number, string]> = [
  [4, 'LEAKAGE'], [8, 'EMPTY_PIPE'], [16, 'BROKEN_PIPE'], [32, 'SENSOR_OUT_OF_RANGE'], [64, 'CLOCK_SYNC_ERROR'],
];
const STATUS_ALARMS: ReadonlyArray<[number, string]> = [
  [4, 'LOW_BATTERY'], [144, 'LEAKAGE'], [80, 'MAGNETIC_TAMPERING'], [72, 'HW_SW_ERROR'],
  [48, 'SENSOR_OUT_OF_RANGE'], [144, 'BROKEN_PIPE'], [48, 'EMPTY_PIPE'],
];

/** Alarm names from the error-flags record (16 bits) or, without one, from the status byte. */
export function alarmsOf(records: OmsRecord[], header: OmsHeader): string[] {
  const flags = records.find((r) => r.unit.type === 'ERROR_FLAGS');
  const out: string[] = [];
  if (!flags) {
    const status = (header.status ?? 0) & 255;
    for (const [bits, name] of STATUS_ALARMS) if ((status & bits) === bits) out.push(name);
    return out;
  }
  const t = Number(BigInt.asIntN(32, flags.value)) & 0xffff;
  const low = t & 255;
  const high = (t >> 8) & 255;
  for (const [bit, name] of FLAG_ALARMS) if (low & bit) out.push(name);
  if (low & 128) {
    for (const [bit, name] of FLAG2_ALARMS) if (high & bit) out.push(name);
  } else {
    for (let b = 0; b < 7; b++) if (high & (1 << b)) out.push(`EF2_MAN_SPEC_BIT${b}`);
  }
  return out;
}
