import { CodecError } from '../../errors';

/**
 * Kamstrup's `mbusparser.js` walk of an EN 13757-3 frame, reproduced as the vendor script reads
 * it (LoRaWAN Device Repository, vendor/kamstrup/mbusparser.js, revision af4ebca):
 *  - TPL: CI 0x78 (none), 0x7A (short: ACC, STS, config), 0x72 (long: ID, manufacturer,
 *    version, medium, ACC, STS, config); any security mode in the config word is refused;
 *  - records: 0x2F fillers skipped, 0x0F/0x1F/0x7F refused; storage from DIF bit 6 and DIFE
 *    nibbles (tariff and subunit ignored); a known primary VIF (volume, flow, flow and external
 *    temperature, date), optionally followed by the orthogonal VIFE 0x13 (inverse compact
 *    profile) or 0x3C (reverse); or FF + Kamstrup VIFE (0x25 info codes, 0x1C ALD last day,
 *    0x1B ALD, 0x16 module type/config number);
 *  - data types A (BCD), B (signed, minimum value = invalid), C (unsigned, all ones = invalid),
 *    D (bit field), F/G/I dates; 8-byte data refused; an LVAR must be an inverse compact profile.
 * Its integer reader is kept as is: 32-bit OR-shifts, so 4-byte negatives come out off by one
 * and 6-byte values wrap (the canonical part uses the shared M-Bus layer instead).
 */
export type Conversion = 'B' | 'C' | 'D' | 'G' | 'FJIM';

export interface Vib {
  type: string;
  unit: string;
  resolution: number;
  conversion: Conversion;
  ortho: string;
  isProfile: boolean;
}

/** A record's data: a number, a date, the vendor's untouched `{}` (LVAR, odd sizes), or invalid. */
export type KData = { kind: 'number'; value: number } | { kind: 'date'; date: Date } | { kind: 'none' } | undefined;

export interface KProfile {
  spacingValue: number;
  spacingUnit: number;
  incMode: number;
  values: (number | undefined)[];
}

export interface KRecord {
  functionField: number;
  storage: number;
  vib: Vib;
  data: KData;
  profile?: KProfile;
}

export interface KHeader {
  ci: number;
  /** Offset of the first data record. */
  length: number;
  id?: Uint8Array;
  manufacturer?: number;
  version?: number;
  medium?: number;
  accessNumber?: number;
  status?: number;
}

const vifRun = (type: string, unit: string, first: number, exps: number[], conversion: Conversion = 'B') =>
  exps.map((e, i): [number, Omit<Vib, 'ortho' | 'isProfile'>] => [first + i, { type, unit, resolution: Number(`1e${e}`), conversion }]);

const PRIMARY = new Map<number, Omit<Vib, 'ortho' | 'isProfile'>>([
  ...vifRun('Volume', 'm3', 0x10, [-6, -5, -4, -3, -2, -1, 0, 1]),
  ...vifRun('Volume flow', 'm3/h', 0x38, [-6, -5, -4, -3, -2, -1, 0, 1]),
  ...vifRun('Flow temperature', 'C', 0x58, [-3, -2, -1, 0]),
  ...vifRun('External temperature', 'C', 0x64, [-3, -2, -1, 0]),
  [0x6c, { type: 'Date/time', unit: 'NA', resolution: 1, conversion: 'G' }],
  [0x6d, { type: 'Date/time', unit: 'NA', resolution: 1, conversion: 'FJIM' }],
]);
// The script writes the resolutions as literals (1E-5 ...); Number('1e-5') is that double, 10 ** -5 is not.

const KAMSTRUP_VIFE = new Map<number, Omit<Vib, 'ortho' | 'isProfile'>>([
  [0x25, { type: 'Infocode', unit: 'NA', resolution: 1, conversion: 'D' }],
  [0x1c, { type: 'ALD last day', unit: 'NA', resolution: 1, conversion: 'C' }],
  [0x16, { type: 'Module type/config number', unit: 'NA', resolution: 1, conversion: 'C' }],
  [0x1b, { type: 'ALD', unit: 'NA', resolution: 1, conversion: 'C' }],
]);

const ORTHO = new Map<number, string>([
  [0x13, 'Inverse Compact Profile'],
  [0x3c, 'Reverse'],
]);

const fail = (code: 'MALFORMED' | 'TRUNCATED' | 'UNSUPPORTED_FRAME' | 'KEY_NEEDED', message: string): never => {
  throw new CodecError(code, `Invalid uplink payload: ${message}`);
};

/** Parsed VIBs by their first two bytes (all parseVib reads); shared, never modified. */
const VIBS = new Map<number, Vib | null>();

function cachedVib(bytes: number[]): Vib | null {
  const key = bytes[0] * 257 + (bytes.length > 1 ? bytes[1] + 1 : 0);
  let vib = VIBS.get(key);
  if (vib === undefined) VIBS.set(key, (vib = parseVib(bytes)));
  return vib;
}

function parseVib(bytes: number[]): Vib | null {
  let base: Omit<Vib, 'ortho' | 'isProfile'> | undefined;
  let ortho = 'NA';
  if (bytes[0] === 0xff) {
    base = bytes.length > 1 ? KAMSTRUP_VIFE.get(bytes[1]) : undefined;
  } else {
    base = PRIMARY.get(bytes[0] & 0x7f);
    if (base && bytes[0] & 0x80) {
      const o = bytes.length > 1 ? ORTHO.get(bytes[1]) : undefined;
      if (o === undefined) return null;
      ortho = o;
    }
  }
  return base ? { ...base, ortho, isProfile: ortho === 'Inverse Compact Profile' } : null;
}

class Raw {
  constructor(readonly bytes: Uint8Array) {}
  at(i: number): number {
    if (i >= this.bytes.length) fail('TRUNCATED', `value runs past the end of the payload (offset ${i})`);
    return this.bytes[i];
  }
  /** The script's readUIntLE: 32-bit OR of shifted bytes, made unsigned. */
  uint(off: number, n: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) v |= this.at(off + k) << (8 * k);
    return v >>> 0;
  }
  int(off: number, n: number): number {
    const v = this.uint(off, n);
    const sign = 1 << (8 * n - 1);
    return v & sign ? v - (1 << (8 * n)) : v;
  }
}

const B_INVALID: Readonly<Record<number, number>> = { 1: -0x80, 2: -0x8000, 3: -0x800000, 4: -0x80000000, 6: -0x800000000000 };
const C_INVALID: Readonly<Record<number, number>> = { 1: 0xff, 2: 0xffff, 3: 0xffffff, 4: 0xffffffff, 6: 0xffffffffffff };

function typeB(raw: Raw, i: number, n: number): number | undefined {
  const v = raw.int(i, n);
  return v === B_INVALID[n] ? undefined : v;
}
function typeC(raw: Raw, i: number, n: number): number | undefined {
  const v = raw.uint(i, n);
  return v === C_INVALID[n] ? undefined : v;
}
function bcd(raw: Raw, i: number, n: number): number | undefined {
  let result = 0;
  let multiplier = 1;
  for (let j = i; j < i + n; j++) {
    const lo = raw.at(j) & 0xf;
    const hi = raw.at(j) >> 4;
    if (lo > 9 || hi > 9) return undefined;
    result += lo * multiplier + hi * multiplier * 10;
    multiplier *= 100;
  }
  return result;
}

function date(raw: Raw, i: number, n: number, conversion: 'G' | 'FJIM'): KData {
  if (conversion === 'G') {
    const d = raw.uint(i, n);
    if (d === 0xffff) return undefined;
    const year = 2000 + ((d >> 5) & 7) + (((d >> 12) & 0xf) << 3);
    return { kind: 'date', date: new Date(Date.UTC(year, ((d >> 8) & 0xf) - 1, d & 0x1f)) };
  }
  if (n === 4) {
    const d = raw.uint(i, n);
    if (d & 0x80) return undefined;
    const year = 1900 + ((d >> 13) & 3) * 100 + ((d >> 21) & 7) + (((d >> 28) & 0xf) << 3);
    return { kind: 'date', date: new Date(Date.UTC(year, ((d >> 24) & 0xf) - 1, (d >> 16) & 0x1f, (d >> 8) & 0x1f, d & 0x3f)) };
  }
  if (n === 6) {
    const b = (k: number) => raw.at(i + k);
    if (b(1) & 0x80) return undefined;
    const year = 2000 + ((b(3) >> 5) & 7) + (((b(4) >> 4) & 0xf) << 3);
    return { kind: 'date', date: new Date(Date.UTC(year, (b(4) & 0xf) - 1, b(3) & 0x1f, b(2) & 0x1f, b(1) & 0x3f, b(0) & 0x3f)) };
  }
  return { kind: 'none' };
}

const num = (v: number | undefined): KData => (v === undefined ? undefined : { kind: 'number', value: v });

function value(raw: Raw, i: number, n: number, isBcd: boolean, vib: Vib): KData {
  if (isBcd) return num(bcd(raw, i, n));
  switch (vib.conversion) {
    case 'B':
      return num(typeB(raw, i, n));
    case 'C':
      return num(typeC(raw, i, n));
    case 'D':
      return num(raw.uint(i, n));
    case 'G':
    case 'FJIM':
      return date(raw, i, n, vib.conversion);
  }
}

function profile(raw: Raw, start: number, size: number): KProfile | null {
  const control = raw.at(start);
  const result: KProfile = { spacingValue: raw.at(start + 1), spacingUnit: (control >> 4) & 3, incMode: (control >> 6) & 3, values: [] };
  const elementSize = control & 0xf;
  if (elementSize < 1 || elementSize > 4 || result.incMode === 0) return null;
  for (let k = 0, idx = start + 2; k < size - 2; k += elementSize, idx += elementSize) {
    result.values.push(result.incMode === 3 ? typeB(raw, idx, elementSize) : typeC(raw, idx, elementSize));
  }
  return result;
}

/** DIF data field -> [size, BCD, LVAR]; 0x0F and unknown fields carry no data. */
const DATA_FIELDS: Readonly<Record<number, [number, boolean, boolean]>> = {
  0x1: [1, false, false], 0x2: [2, false, false], 0x3: [3, false, false], 0x4: [4, false, false], 0x5: [4, false, false],
  0x6: [6, false, false], 0x7: [8, false, false], 0x9: [1, true, false], 0xa: [2, true, false], 0xb: [3, true, false],
  0xc: [4, true, false], 0xd: [1, false, true], 0xe: [6, true, false],
};

export function readHeader(bytes: Uint8Array): KHeader {
  if (bytes.length < 1) fail('TRUNCATED', 'Could not retrieve CI field');
  const ci = bytes[0];
  let header: KHeader;
  if (ci === 0x7a) {
    if (bytes.length < 5) fail('TRUNCATED', 'Could not retrieve TPL layer');
    header = { ci, length: 5, accessNumber: bytes[1], status: bytes[2] };
  } else if (ci === 0x72) {
    if (bytes.length < 13) fail('TRUNCATED', 'Could not retrieve TPL layer');
    const manufacturer = bytes[5] | (bytes[6] << 8);
    header = { ci, length: 13, id: bytes.subarray(1, 5), manufacturer, version: bytes[7], medium: bytes[8], accessNumber: bytes[9], status: bytes[10] };
  } else if (ci === 0x78) {
    header = { ci, length: 1 };
  } else {
    return fail('UNSUPPORTED_FRAME', 'Invalid CI in TPL layer');
  }
  const config = header.length > 1 ? bytes[header.length - 2] | (bytes[header.length - 1] << 8) : 0;
  if (config & 0x1f00) fail('KEY_NEEDED', 'MBus TPL encryption is not supported');
  return header;
}

export function walkRecords(bytes: Uint8Array, start: number): KRecord[] {
  const raw = new Raw(bytes);
  const records: KRecord[] = [];
  let i = start;
  while (i < bytes.length) {
    let temp = bytes[i++];
    if (temp === 0x2f) continue;
    if (temp === 0x0f || temp === 0x1f || temp === 0x7f) fail('UNSUPPORTED_FRAME', 'Unsupported special DIF function');
    const dataField = temp & 0xf;
    const functionField = (temp & 0x30) >> 4;
    let storage = (temp & 0x40) >> 6;
    for (let shift = 1; temp & 0x80 && i < bytes.length; shift += 4) {
      temp = bytes[i++];
      storage += (temp & 0xf) << shift;
    }
    if (i >= bytes.length) fail('TRUNCATED', 'Unsupported VIB (the record ends before its VIF)');
    temp = bytes[i++];
    const vibBytes = [temp];
    while (temp & 0x80 && i < bytes.length) vibBytes.push((temp = bytes[i++]));
    const vib = cachedVib(vibBytes) ?? fail('MALFORMED', 'Unsupported VIB');
    const [size, isBcd, lvar] = DATA_FIELDS[dataField] ?? [0, false, false];
    if (size > 6) fail('UNSUPPORTED_FRAME', 'Not enough bytes for datafield or datafield is larger than 6 bytes');
    if (bytes.length < i + size) fail('TRUNCATED', 'Not enough bytes for datafield or datafield is larger than 6 bytes');
    if (!lvar) {
      records.push({ functionField, storage, vib, data: value(raw, i, size, isBcd, vib) });
      i += size;
      continue;
    }
    const count = bytes[i++];
    if (bytes.length < i + count || count < 3) fail('TRUNCATED', 'Not enough bytes for LVAR');
    if (!vib.isProfile) fail('UNSUPPORTED_FRAME', 'LVAR that is not Inverse Compact Profile is not supported');
    const p = profile(raw, i, count) ?? fail('MALFORMED', 'Could not parse Inverse Compact Profile');
    i += count;
    records.push({ functionField, storage, vib, data: { kind: 'none' }, profile: p });
  }
  return records;
}
