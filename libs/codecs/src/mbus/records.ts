import { CodecError } from '../errors';
import type { CanonicalUnit } from '../types';
import { decodeMbusDate, formatMbusDate, mbusDateToIso } from './dates';
import type { VifeInfo, VifInfo, VifKind } from './vif';
import {
  COMBINABLE_EXTENSION_VIFES,
  COMBINABLE_VIFES,
  FB_VIFS,
  FD_VIFS,
  MANUFACTURER_VIF,
  PLAIN_TEXT_VIF,
  PRIMARY_VIFS,
} from './vif';
import { pow10, pow2 } from '../pow';

/** DIF bits 5-4. */
export type MbusFunction = 'instantaneous' | 'maximum' | 'minimum' | 'error';
const FUNCTIONS: readonly MbusFunction[] = ['instantaneous', 'maximum', 'minimum', 'error'];

/** DIF bits 3-0 as a name. */
export type MbusDataType =
  | 'none'
  | 'int8'
  | 'int16'
  | 'int24'
  | 'int32'
  | 'real32'
  | 'int48'
  | 'int64'
  | 'selection'
  | 'bcd2'
  | 'bcd4'
  | 'bcd6'
  | 'bcd8'
  | 'lvar'
  | 'bcd12'
  | 'special';
const DATA_TYPES: readonly MbusDataType[] = [
  'none',
  'int8',
  'int16',
  'int24',
  'int32',
  'real32',
  'int48',
  'int64',
  'selection',
  'bcd2',
  'bcd4',
  'bcd6',
  'bcd8',
  'lvar',
  'bcd12',
  'special',
];
/** Data length per DIF data field; -1 = variable (LVAR byte first). */
const DATA_LENGTHS = [0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6, 0];

/** A decoded compact profile (OMS: VIFE 0x1E/0x1F, inverse 0x13) - a series of values at a fixed spacing. */
export interface MbusProfile {
  /** `absolute` values, `increment`/`decrement` from the base value, or `signed` differences. */
  mode: 'absolute' | 'increment' | 'decrement' | 'signed';
  /** Spacing between elements in seconds (months when `spacingMonths` is set). */
  spacingSeconds: number;
  spacingMonths?: number;
  /** True for the inverse profile (VIFE 0x13): element 0 is the newest, going back in time. */
  inverse: boolean;
  /** Elements in the record's canonical unit; null where the element is invalid. */
  values: (number | null)[];
}

export interface MbusRecord {
  /** Offset of the DIF within the decoded block. */
  offset: number;
  dif: number;
  readonly dife: number[];
  /** The first VIF byte as sent (0xFB/0xFD/0xFF for the extension tables and manufacturer VIFs). */
  vif: number;
  /** Every VIFE byte after the VIF, including the true code after 0xFB/0xFD. */
  readonly vife: number[];
  /** 0x00-0x7F for the primary table, 0xFD00|code, 0xFB00|code, 0xFF00|code for the others. */
  vifCode: number;
  /** The DIF..VIFE bytes as uppercase hex (wmbusmeters' "difvif key"), e.g. "0C13" or "04FD17". */
  key: string;
  storage: number;
  tariff: number;
  subunit: number;
  function: MbusFunction;
  dataType: MbusDataType;
  /** What the VIF says the value is: a number with a unit, a date, an identifier, flags or raw. */
  kind: VifKind;
  quantity: string;
  unit: CanonicalUnit;
  /** Numeric value in the canonical unit; null for text, dates, raw/binary data and invalid values. */
  value: number | null;
  /** The value before scaling: an integer, a float (real32), BCD digits as a number, or hex for binary data. */
  rawValue: number | string | null;
  /** Text (LVAR strings, ASCII plain-text unit, identifiers) or the formatted date. */
  text?: string;
  /** For date records: ISO-8601 (meter local time rendered as UTC). */
  at?: string;
  /** Direction / phase from combinable VIFEs: forward, reverse, L1... */
  register?: string;
  /** Plain-text VIF unit (VIF 0x7C/0xFC). */
  plainTextUnit?: string;
  profile?: MbusProfile;
  /** Value marked invalid: BCD with hex digits, all 0xFF, a date with the invalid bit... */
  invalid?: boolean;
  /** Error code carried by a record-error VIFE (0x00-0x1C), if any. */
  recordError?: number;
  /** DIF 0x0F / 0x1F manufacturer-specific data block (raw bytes to the end). */
  manufacturerData?: boolean;
  /** DIF 0x1F: more records follow in the next telegram. */
  moreRecordsFollow?: boolean;
  description: string;
  /** The raw data field bytes (a view into the input; not JSON). */
  readonly data: Uint8Array;
}

const NO_BYTES = new Uint8Array(0);

/**
 * The one shape every record has (decoded, tail, manufacturer data, or derived by a driver): all
 * fields, the optional ones too, exist from the constructor on in one order, so the code reading
 * records sees a single hidden class. DIFE, VIFE and data bytes are kept as offsets into the block
 * and turned into arrays/views only when read (most records are never asked for them).
 */
export class DataRecord implements MbusRecord {
  offset: number;
  dif: number;
  vif = 0;
  vifCode = -1;
  key = '';
  storage = 0;
  tariff = 0;
  subunit = 0;
  function: MbusFunction = 'instantaneous';
  dataType: MbusDataType = 'none';
  kind: VifKind = 'raw';
  quantity = '';
  unit: CanonicalUnit = '';
  value: number | null = null;
  rawValue: number | string | null = null;
  text: string | undefined = undefined;
  at: string | undefined = undefined;
  register: string | undefined = undefined;
  plainTextUnit: string | undefined = undefined;
  profile: MbusProfile | undefined = undefined;
  invalid: boolean | undefined = undefined;
  recordError: number | undefined = undefined;
  manufacturerData: boolean | undefined = undefined;
  moreRecordsFollow: boolean | undefined = undefined;
  description = '';
  /** The bytes `dife`, `vife` and `data` are read from, and where. */
  block: Uint8Array;
  difeCount = 0;
  vifeOffset = 0;
  vifeCount = 0;
  dataOffset = 0;
  dataLength = 0;

  constructor(block: Uint8Array, offset: number, dif: number) {
    this.block = block;
    this.offset = offset;
    this.dif = dif;
  }

  get dife(): number[] {
    return bytesOf(this.block, this.offset + 1, this.difeCount);
  }

  get vife(): number[] {
    return bytesOf(this.block, this.vifeOffset, this.vifeCount);
  }

  get data(): Uint8Array {
    return this.dataLength === 0 ? NO_BYTES : this.block.subarray(this.dataOffset, this.dataOffset + this.dataLength);
  }

  /** A record that is not from a block (e.g. derived by a driver): no DIFE, VIFE or data bytes. */
  static synthetic(): DataRecord {
    return new DataRecord(NO_BYTES, -1, 0);
  }
}

function bytesOf(b: Uint8Array, from: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(b[from + i]);
  return out;
}



const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16).toUpperCase());

export function hexOf(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += HEX[bytes[i]];
  return s;
}

/**
 * Truncation inside decodeBlock throws this constant (no stack capture: cheap); decodeDataRecords
 * turns it into a CodecError('TRUNCATED') or, when tolerated, into a raw tail record.
 */
const TRUNCATION = { truncated: true } as const;
let truncation = { what: '', offset: 0, length: 0 };

function truncated(what: string, offset: number, length: number): never {
  truncation = { what, offset, length };
  throw TRUNCATION;
}

function truncationError(): CodecError {
  const { what, offset, length } = truncation;
  return new CodecError('TRUNCATED', `M-Bus data record truncated: ${what} at offset ${offset} (block of ${length} bytes)`, { offset, length });
}

/** Little-endian unsigned integer of n <= 6 bytes. */
function uintLE(b: Uint8Array, off: number, n: number): number {
  if (n === 1) return b[off];
  if (n === 2) return b[off] | (b[off + 1] << 8);
  if (n === 4) return (b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24)) >>> 0;
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + b[off + i];
  return v;
}

function intLE(b: Uint8Array, off: number, n: number): number {
  switch (n) {
    case 1:
      return (b[off] << 24) >> 24;
    case 2:
      return ((b[off] | (b[off + 1] << 8)) << 16) >> 16;
    case 3:
      return ((b[off] | (b[off + 1] << 8) | (b[off + 2] << 16)) << 8) >> 8;
    case 4:
      return b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24);
  }
  if (n === 8) {
    const big = BigInt.asIntN(64, readBig(b, off));
    return Number(big);
  }
  const v = uintLE(b, off, n);
  const half = pow2(8 * n - 1);
  return v >= half ? v - 2 * half : v;
}

function readBig(b: Uint8Array, off: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[off + i]);
  return v;
}

const F32 = new DataView(new ArrayBuffer(4));
function real32(b: Uint8Array, off: number): number {
  F32.setUint8(0, b[off]);
  F32.setUint8(1, b[off + 1]);
  F32.setUint8(2, b[off + 2]);
  F32.setUint8(3, b[off + 3]);
  return F32.getFloat32(0, true);
}

/**
 * BCD, least significant byte first. A high nibble 0xF in the most significant byte makes the value
 * negative (EN 13757-3 Annex A, type A). Returns NaN when a digit is not decimal.
 */
export function bcdLE(b: Uint8Array, off: number, n: number): number {
  let v = 0;
  let negative = false;
  for (let i = n - 1; i >= 0; i--) {
    const byte = b[off + i];
    let hi = byte >> 4;
    const lo = byte & 0x0f;
    if (i === n - 1 && hi === 0x0f) {
      negative = true;
      hi = 0;
    }
    if (hi > 9 || lo > 9) return NaN;
    v = v * 100 + hi * 10 + lo;
  }
  return negative ? -v : v;
}

function allFF(b: Uint8Array, off: number, n: number): boolean {
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (b[off + i] !== 0xff) return false;
  return true;
}

/** M-Bus text is sent last character first. */
function reversedLatin1(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = off + n - 1; i >= off; i--) s += String.fromCharCode(b[i]);
  return s;
}

function digitsOf(value: number, digits: number): string {
  const s = String(Math.abs(value));
  const padded = s.length >= digits ? s : '0'.repeat(digits - s.length) + s;
  return value < 0 ? `-${padded}` : padded;
}

/**
 * The scaling from combinable VIFEs (multiplicative factor, additive constant), kept in numbers
 * rather than an object per record; `offsetExp` is NaN when there is no additive constant.
 */
interface Scale {
  mul: number;
  div: number;
  offsetExp: number;
}

/** Decodes a compact profile (LVAR data: spacing control, spacing value, elements) in b[from, from + n). */
function decodeProfile(b: Uint8Array, from: number, n: number, info: VifInfo, scale: Scale, inverse: boolean): MbusProfile | undefined {
  if (n < 2) return undefined;
  const control = b[from];
  const spacingValue = b[from + 1];
  const mode = PROFILE_MODES[control >> 6];
  const unitCode = (control >> 4) & 3;
  const elementType = control & 0x0f;
  const size = DATA_LENGTHS[elementType];
  if (size <= 0 || elementType === 0x05 || elementType === 0x0d || elementType === 0x0f) return undefined;
  const profile: MbusProfile = { mode, spacingSeconds: 0, inverse, values: [] };
  if (unitCode === 3) {
    // Days, except the OMS special spacing values 0xFE (one month) and 0xFD (half a month).
    if (spacingValue === 0xfe) {
      profile.spacingMonths = 1;
    } else if (spacingValue === 0xfd) {
      profile.spacingMonths = 0.5;
    } else {
      profile.spacingSeconds = spacingValue * 86400;
    }
  } else {
    profile.spacingSeconds = spacingValue * TIME_STEP[unitCode];
  }
  const bcd = elementType >= 0x09;
  const signed = mode === 'signed' || mode === 'absolute';
  const allOnes = pow2(8 * size) - 1;
  const end = from + n;
  const values = profile.values;
  for (let off = from + 2; off + size <= end; off += size) {
    let raw: number;
    if (bcd) raw = bcdLE(b, off, size);
    else if (allFF(b, off, size)) raw = NaN;
    else raw = signed ? intLE(b, off, size) : uintLE(b, off, size);
    // The all-ones element (e.g. 0xFF / 0xFFFF) marks an invalid or missing element in increment modes.
    if (!signed && !bcd && raw === allOnes) raw = NaN;
    values.push(Number.isNaN(raw) ? null : applyScale(raw, info, scale));
  }
  return profile;
}
const PROFILE_MODES = ['absolute', 'increment', 'decrement', 'signed'] as const;
const TIME_STEP = [1, 60, 3600, 86400];

function applyScale(raw: number, info: VifInfo, s: Scale): number {
  let v = (raw * info.mul * s.mul) / (info.div * s.div);
  if (s.offsetExp === s.offsetExp) v += (pow10(s.offsetExp) * info.mul) / info.div;
  if (info.fahrenheit) v = ((v - 32) * 5) / 9;
  return v;
}

/**
 * Decodes an EN 13757-3 data-record block (the application data after the TPL header) into records.
 * 0x2F fillers are skipped; 0x0F/0x1F (and the reserved special DIFs) end the block with one
 * manufacturer-data record holding the rest. A record running past the end throws TRUNCATED.
 */
export function decodeDataRecords(bytes: Uint8Array, options: DecodeRecordsOptions = {}): MbusRecord[] {
  const records: DataRecord[] = [];
  try {
    decodeBlock(bytes, records);
    return records;
  } catch (e) {
    if (e !== TRUNCATION) throw e;
    if (!options.tolerateIncompleteTail) throw truncationError();
    // Keep the records before the incomplete one and the rest raw.
    const at = lastRecordStart;
    while (records.length && records[records.length - 1].offset >= at) records.pop();
    const r = new DataRecord(bytes, at, bytes[at]);
    r.vifCode = -1;
    r.dataType = 'special';
    r.quantity = 'incomplete_record';
    r.rawValue = hexOf(bytes, at);
    r.manufacturerData = true;
    r.description = `Incomplete record at the end of the block (${bytes.length - at} byte(s)) kept raw`;
    r.dataOffset = at;
    r.dataLength = bytes.length - at;
    records.push(r);
    return records;
  }
}

export interface DecodeRecordsOptions {
  /**
   * Keep the records before an incomplete last record instead of throwing TRUNCATED; the incomplete
   * bytes become one raw record (`quantity: 'incomplete_record'`). Meters pad encrypted blocks or
   * append bytes that are not records; wM-Bus frames are length-checked by their link layer.
   */
  tolerateIncompleteTail?: boolean;
}

let lastRecordStart = 0;

/** Record keys ("difvif" hex) of two and three header bytes, built once per distinct header. */
const KEYS2: (string | undefined)[] = new Array<string | undefined>(65536).fill(undefined);
/** Three-byte keys by their first two bytes, then the third (arrays: faster than a Map lookup). */
let KEYS3: ((string | undefined)[] | undefined)[] = new Array<(string | undefined)[] | undefined>(65536).fill(undefined);
let keys3Lists = 0;

function keyOf(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n === 2) {
    const k = (b[from] << 8) | b[from + 1];
    return (KEYS2[k] ??= HEX[b[from]] + HEX[b[from + 1]]);
  }
  if (n === 3) {
    const k = (b[from] << 8) | b[from + 1];
    let list = KEYS3[k];
    if (list === undefined) {
      // Bounded: a stream of odd headers cannot grow this past 1024 lists of 256.
      if (keys3Lists >= 1024) {
        KEYS3 = new Array<(string | undefined)[] | undefined>(65536).fill(undefined);
        keys3Lists = 0;
      }
      list = new Array<string | undefined>(256).fill(undefined);
      KEYS3[k] = list;
      keys3Lists++;
    }
    return (list[b[from + 2]] ??= HEX[b[from]] + HEX[b[from + 1]] + HEX[b[from + 2]]);
  }
  return hexOf(b, from, to);
}

const MANUFACTURER_DATA_DESCRIPTION = 'Manufacturer specific data';
const MORE_RECORDS_DESCRIPTION = 'Manufacturer specific data (more records follow)';

function decodeBlock(bytes: Uint8Array, records: DataRecord[]): void {
  const len = bytes.length;
  const scale: Scale = { mul: 1, div: 1, offsetExp: NaN };
  let pos = 0;
  while (pos < len) {
    const start = pos;
    lastRecordStart = start;
    const dif = bytes[pos++];
    if (dif === 0x2f) continue;
    const dataField = dif & 0x0f;
    if (dataField === 0x0f) {
      // Special functions: 0x0F/0x1F manufacturer data, 0x7F global readout, others reserved.
      const r = new DataRecord(bytes, start, dif);
      r.vifCode = -1;
      r.key = HEX[dif];
      r.dataType = 'special';
      r.quantity = 'manufacturer_data';
      r.rawValue = hexOf(bytes, pos, len);
      r.manufacturerData = true;
      if (dif === 0x1f) r.moreRecordsFollow = true;
      r.description =
        dif === 0x0f
          ? MANUFACTURER_DATA_DESCRIPTION
          : dif === 0x1f
            ? MORE_RECORDS_DESCRIPTION
            : `Special function DIF 0x${HEX[dif]}: rest kept as manufacturer data`;
      r.dataOffset = pos;
      r.dataLength = len - pos;
      records.push(r);
      break;
    }
    let storage = (dif >> 6) & 1;
    let tariff = 0;
    let subunit = 0;
    let ext = (dif & 0x80) !== 0;
    let n = 0;
    while (ext) {
      if (pos >= len) truncated('DIFE', pos, len);
      if (n >= 10) throw new CodecError('MALFORMED', `more than 10 DIFEs at offset ${start}`, { offset: start });
      const d = bytes[pos++];
      storage += (d & 0x0f) * pow2(1 + 4 * n);
      tariff |= ((d >> 4) & 3) << (2 * n);
      subunit |= ((d >> 6) & 1) << n;
      ext = (d & 0x80) !== 0;
      n++;
    }
    const difeCount = n;
    if (pos >= len) {
      // A lone DIF 0x08 / 0x?8 selection or a trailing DIF without VIF.
      truncated('VIF', pos, len);
    }
    const vif = bytes[pos++];
    const vifeOffset = pos;
    let info: VifInfo;
    let vifCode: number;
    let plainTextUnit: string | undefined;
    let manufacturerVif = false;
    const low = vif & 0x7f;
    if (vif === 0xfb || vif === 0xfd || vif === 0xef) {
      if (pos >= len) truncated('VIFE after extension VIF', pos, len);
      const code = bytes[pos++];
      vifCode = (vif << 8) | (code & 0x7f);
      info = vif === 0xfd ? FD_VIFS[code & 0x7f] : vif === 0xfb ? FB_VIFS[code & 0x7f] : MANUFACTURER_VIF;
      ext = (code & 0x80) !== 0;
    } else if (low === 0x7f) {
      vifCode = 0xff00;
      info = MANUFACTURER_VIF;
      manufacturerVif = true;
      ext = (vif & 0x80) !== 0;
    } else if (low === 0x7c) {
      vifCode = 0x7c;
      info = PLAIN_TEXT_VIF;
      ext = (vif & 0x80) !== 0;
      if (vif === 0x7c) {
        plainTextUnit = readPlainText(bytes, pos, len);
        pos += 1 + bytes[pos];
      }
    } else {
      vifCode = low;
      info = PRIMARY_VIFS[low];
      ext = (vif & 0x80) !== 0;
    }

    // Combinable VIFEs.
    let register: string | undefined;
    scale.mul = 1;
    scale.div = 1;
    scale.offsetExp = NaN;
    let quantitySuffix = '';
    let dateOf: string | undefined;
    let profile = false;
    let profileInverse = false;
    let recordError: number | undefined;
    let descriptionExtra = '';
    let mfctVifes = manufacturerVif;
    let mfctVifeHex = '';
    let pendingExtension = false;
    n = 0;
    while (ext) {
      if (pos >= len) truncated('VIFE', pos, len);
      if (n >= 10) throw new CodecError('MALFORMED', `more than 10 VIFEs at offset ${start}`, { offset: start });
      const e = bytes[pos++];
      ext = (e & 0x80) !== 0;
      n++;
      if (mfctVifes) {
        mfctVifeHex += HEX[e];
        continue;
      }
      const code = e & 0x7f;
      let vi: VifeInfo | undefined;
      if (pendingExtension) {
        pendingExtension = false;
        vi = COMBINABLE_EXTENSION_VIFES.get(code) ?? { description: `combinable extension 0x${HEX[code]}` };
      } else if (code === 0x7c) {
        pendingExtension = true;
        continue;
      } else if (code === 0x7f) {
        mfctVifes = true;
        descriptionExtra += ', manufacturer specific VIFEs';
        continue;
      } else {
        vi = COMBINABLE_VIFES[code];
      }
      descriptionExtra += `, ${vi.description}`;
      const effect = vi.effect;
      if (!effect) continue;
      switch (effect.type) {
        case 'register':
          register = register ? `${register}.${effect.register}` : effect.register;
          break;
        case 'factor':
          scale.mul *= effect.mul;
          scale.div *= effect.div;
          break;
        case 'offset':
          scale.offsetExp = effect.exp;
          break;
        case 'per':
        case 'quantity':
          quantitySuffix += effect.suffix;
          break;
        case 'date_of':
          dateOf = effect.suffix;
          break;
        case 'compact_profile':
          profile = true;
          profileInverse = effect.inverse;
          break;
        case 'error':
          recordError = code;
          break;
      }
    }
    // The VIFE bytes follow the VIF (a 0x7C plain-text unit has none, its text follows instead).
    const vifeCount = vif === 0x7c ? 0 : pos - vifeOffset;
    if (vif === 0xfc) {
      plainTextUnit = readPlainText(bytes, pos, len);
      pos += 1 + bytes[pos];
    }
    // Manufacturer VIFEs after a standard VIF qualify it in a way only the manufacturer knows (a phase,
    // a second channel...): keep them as a register so such records stay distinct from the plain one.
    if (mfctVifeHex && !manufacturerVif) register = register ? `${register}.mfct_${mfctVifeHex}` : `mfct_${mfctVifeHex}`;

    // Data field.
    const keyEnd = pos;
    let dataLen = DATA_LENGTHS[dataField];
    let lvar = -1;
    if (dataLen < 0) {
      if (pos >= len) truncated('LVAR', pos, len);
      lvar = bytes[pos++];
      if (lvar <= 0xbf) dataLen = lvar;
      else if (lvar <= 0xcf) dataLen = lvar - 0xc0;
      else if (lvar <= 0xdf) dataLen = lvar - 0xd0;
      else if (lvar <= 0xef) dataLen = lvar - 0xe0;
      else if (lvar <= 0xf4) dataLen = 4 * (lvar - 0xec);
      else if (lvar === 0xf5) dataLen = 48;
      else if (lvar === 0xf6) dataLen = 64;
      else {
        throw new CodecError('MALFORMED', `reserved LVAR 0x${HEX[lvar]} at offset ${pos - 1}`, { offset: pos - 1 });
      }
    }
    if (pos + dataLen > len) truncated(`data (${dataLen} bytes)`, pos, len);
    const dataOff = pos;
    pos += dataLen;

    const rec = new DataRecord(bytes, start, dif);
    rec.vif = vif;
    rec.vifCode = vifCode;
    rec.key = keyOf(bytes, start, keyEnd);
    rec.storage = storage;
    rec.tariff = tariff;
    rec.subunit = subunit;
    rec.function = FUNCTIONS[(dif >> 4) & 3];
    rec.dataType = DATA_TYPES[dataField];
    rec.kind = dateOf !== undefined ? 'date' : info.kind;
    rec.quantity = quantitySuffix === '' ? info.quantity : info.quantity + quantitySuffix;
    rec.unit = info.unit;
    rec.description = descriptionExtra === '' ? info.description : info.description + descriptionExtra;
    rec.register = register;
    rec.plainTextUnit = plainTextUnit;
    rec.recordError = recordError;
    rec.difeCount = difeCount;
    rec.vifeOffset = vifeOffset;
    rec.vifeCount = vifeCount;
    rec.dataOffset = dataOff;
    rec.dataLength = dataLen;
    fillValue(rec, bytes, dataOff, dataLen, dataField, lvar, info, scale, dateOf, profile, profileInverse);
    records.push(rec);
  }
}

/** A plain-text VIF unit: length byte at `pos`, then the text (sent last character first). */
function readPlainText(bytes: Uint8Array, pos: number, len: number): string {
  if (pos >= len) truncated('plain-text VIF length', pos, len);
  const l = bytes[pos];
  if (pos + 1 + l > len) truncated('plain-text VIF', pos + 1, len);
  return reversedLatin1(bytes, pos + 1, l);
}

function fillValue(
  rec: DataRecord,
  b: Uint8Array,
  off: number,
  n: number,
  dataField: number,
  lvar: number,
  info: VifInfo,
  scale: Scale,
  dateOf: string | undefined,
  profile: boolean,
  profileInverse: boolean,
): void {
  // Dates: the time-point VIFs, FD 0x30/0x70 and any VIF with a "date of" VIFE.
  const isDate = info.kind === 'date' || info.kind === 'datetime' || dateOf !== undefined;
  if (isDate && dataField !== 0x0d && n > 0) {
    if (dateOf !== undefined) {
      rec.quantity = `${info.quantity}_date${dateOf}`;
      rec.unit = '';
    }
    if (dataField >= 0x09 && dataField <= 0x0e) {
      // Date in BCD is not a standard type: keep the digits.
      const v = bcdLE(b, off, n);
      rec.rawValue = Number.isNaN(v) ? hexOf(b, off, off + n) : v;
      return;
    }
    const d = decodeMbusDate(b, off, n);
    rec.rawValue = uintLE(b, off, Math.min(n, 6));
    if (d) {
      rec.text = formatMbusDate(d);
      const iso = mbusDateToIso(d);
      if (iso) rec.at = iso;
      if (d.invalid) rec.invalid = true;
    }
    return;
  }

  switch (dataField) {
    case 0x00:
    case 0x08:
      return;
    case 0x01:
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x06:
    case 0x07: {
      if (info.kind === 'id') {
        // Versions, parameter sets and enhanced ids in binary are shown as hex digits, most
        // significant first (versions are nibble-coded: 0x0105 is 1.05); a binary fabrication
        // number is a plain decimal number.
        if (n === 8) {
          const raw = readBig(b, off);
          rec.rawValue = raw <= MAX_SAFE_BIG ? Number(raw) : raw.toString();
          rec.value = typeof rec.rawValue === 'number' ? rec.rawValue : null;
          rec.text = info.quantity === 'fabrication_no' ? raw.toString() : reversedHexDigits(b, off, n);
          return;
        }
        const raw = uintLE(b, off, n);
        rec.rawValue = raw;
        rec.value = raw;
        rec.text = info.quantity === 'fabrication_no' ? String(raw) : reversedHexDigits(b, off, n);
        return;
      }
      const unsigned = info.kind !== 'number' || info.unsigned === true;
      let raw: number;
      if (n === 8) {
        const big = unsigned ? readBig(b, off) : BigInt.asIntN(64, readBig(b, off));
        raw = Number(big);
        rec.rawValue = Number.isSafeInteger(raw) ? raw : big.toString();
      } else {
        raw = unsigned ? uintLE(b, off, n) : intLE(b, off, n);
        rec.rawValue = raw;
      }
      setFromNumber(rec, raw, info, scale, n * 2, false);
      return;
    }
    case 0x05: {
      const f = real32(b, off);
      rec.rawValue = Number.isFinite(f) ? f : null;
      if (!Number.isFinite(f)) {
        rec.invalid = true;
        return;
      }
      setFromNumber(rec, f, info, scale, 0, false);
      return;
    }
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0e: {
      const v = bcdLE(b, off, n);
      if (Number.isNaN(v)) {
        rec.rawValue = hexOf(b, off, off + n);
        rec.invalid = true;
        if (info.kind === 'id') rec.text = reversedHexDigits(b, off, n);
        return;
      }
      rec.rawValue = v;
      setFromNumber(rec, v, info, scale, n * 2, true);
      return;
    }
    case 0x0d: {
      if (profile) {
        rec.dataType = 'lvar';
        rec.rawValue = hexOf(b, off, off + n);
        const p = decodeProfile(b, off, n, info, scale, profileInverse);
        if (p) rec.profile = p;
        return;
      }
      if (lvar <= 0xbf) {
        rec.text = reversedLatin1(b, off, n);
        rec.rawValue = rec.text;
        return;
      }
      if (lvar <= 0xdf) {
        const v = bcdLE(b, off, n);
        if (Number.isNaN(v)) {
          rec.rawValue = hexOf(b, off, off + n);
          rec.invalid = true;
          return;
        }
        const signed = lvar >= 0xd0 ? -v : v;
        rec.rawValue = signed;
        setFromNumber(rec, signed, info, scale, n * 2, true);
        return;
      }
      // Binary numbers: little-endian, kept as hex when longer than 6 bytes.
      if (n > 0 && n <= 6) {
        const raw = info.kind === 'number' && !info.unsigned ? intLE(b, off, n) : uintLE(b, off, n);
        rec.rawValue = raw;
        setFromNumber(rec, raw, info, scale, n * 2, false);
      } else {
        rec.rawValue = hexOf(b, off, off + n);
      }
      return;
    }
    default:
      return;
  }
}
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

function reversedHexDigits(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = off + n - 1; i >= off; i--) s += HEX[b[i]];
  return s;
}

function setFromNumber(rec: DataRecord, raw: number, info: VifInfo, s: Scale, digits: number, bcd: boolean): void {
  switch (info.kind) {
    case 'number':
      rec.value = applyScale(raw, info, s);
      return;
    case 'id':
      rec.value = raw;
      rec.text = bcd ? digitsOf(raw, digits) : String(raw);
      return;
    case 'flags':
    case 'raw':
      rec.value = raw;
      return;
    case 'date':
    case 'datetime':
      return;
  }
}

/**
 * The DIF/DIFE/VIF/VIFE header bytes of every record, concatenated (fillers and manufacturer data
 * left out): the "format" a compact frame refers to by its CRC-16 signature.
 */
export function recordFormatBytes(records: readonly MbusRecord[]): Uint8Array {
  let n = 0;
  for (const r of records) if (!r.manufacturerData) n += r.key.length / 2;
  const out = new Uint8Array(n);
  let p = 0;
  for (const r of records) {
    if (r.manufacturerData) continue;
    for (let i = 0; i < r.key.length; i += 2) out[p++] = parseInt(r.key.slice(i, i + 2), 16);
  }
  return out;
}

/**
 * Rebuilds a full record block from a compact frame: the headers come from `format` (as produced by
 * recordFormatBytes), the data from `data`, in order. Throws MALFORMED when the data does not fit.
 */
export function expandCompactFrame(format: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(format.length + data.length);
  let o = 0;
  let f = 0;
  let d = 0;
  while (f < format.length) {
    const dif = format[f];
    out[o++] = format[f++];
    let ext = (dif & 0x80) !== 0;
    while (ext && f < format.length) {
      ext = (format[f] & 0x80) !== 0;
      out[o++] = format[f++];
    }
    if (f >= format.length) throw new CodecError('MALFORMED', 'compact frame format ends inside a record header');
    const vif = format[f];
    out[o++] = format[f++];
    if (vif === 0x7c) {
      const l = format[f];
      for (let i = 0; i <= l && f < format.length; i++) out[o++] = format[f++];
    }
    ext = (vif & 0x80) !== 0;
    while (ext && f < format.length) {
      ext = (format[f] & 0x80) !== 0;
      out[o++] = format[f++];
    }
    let n = DATA_LENGTHS[dif & 0x0f];
    if (n < 0) {
      if (d >= data.length) throw new CodecError('MALFORMED', 'compact frame data ends before an LVAR byte');
      const lvar = data[d];
      out[o++] = data[d++];
      n = lvar <= 0xbf ? lvar : lvar <= 0xdf ? (lvar & 0x0f) : lvar <= 0xef ? lvar - 0xe0 : 4 * (lvar - 0xec);
    }
    if (d + n > data.length) throw new CodecError('MALFORMED', 'compact frame data is shorter than its format says');
    out.set(data.subarray(d, d + n), o);
    o += n;
    d += n;
  }
  if (d < data.length) {
    // Trailing data without a header in the format: keep it as manufacturer data.
    out[o++] = 0x0f;
    const rest = data.subarray(d);
    const grown = new Uint8Array(o + rest.length);
    grown.set(out.subarray(0, o));
    grown.set(rest, o);
    return grown;
  }
  return out.subarray(0, o);
}
