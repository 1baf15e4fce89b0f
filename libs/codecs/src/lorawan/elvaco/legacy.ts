import { CodecError } from '../../errors';
import type { JsonObject, UplinkInput } from '../../types';

/**
 * What the Elvaco decoders of the LoRaWAN Device Repository (vendor/elvaco/cmi41xx.js) share.
 * Each walks the "Standard" message (fPort 2: a message-format byte, then M-Bus records) as
 * lower-case hex strings against a fixed DIF/VIF table, and each reads values its own way
 * (BCD digits parsed as hex or as decimal, error flags as decimal, ...). Those quirks are
 * reproduced per model; the canonical part decodes the same records properly (see canonical.ts).
 */
export const ELVACO_PORT = 2;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export interface RecordSpec {
  measure: string;
  unit: string;
  decimal: number;
}

export type DifVifTable = Readonly<Record<string, Readonly<Record<string, RecordSpec>>>>;

export const spec = (measure: string, unit: string, decimal: number): RecordSpec => ({ measure, unit, decimal });

/** A run of specs for consecutive VIFs: `codes` hex codes, decimals counting down from `first`. */
export function vifRun(measure: string, unit: string, codes: string[], first: number): Record<string, RecordSpec> {
  return Object.fromEntries(codes.map((code, i) => [code, spec(measure, unit, first - i)]));
}

/** The vendor's checks before decoding: port 2, at least 40 bytes, the model's message-format byte. */
export function standardFrame(id: string, input: UplinkInput, formatByte: number): string[] {
  if (input.fPort !== ELVACO_PORT) {
    throw new CodecError('UNSUPPORTED_PORT', `unknown FPort ${input.fPort} (${id} sends on fPort 2)`, { fPort: input.fPort });
  }
  if (input.bytes.length < 40) {
    throw new CodecError('TRUNCATED', `payload length < 40 (${input.bytes.length} bytes)`, { length: input.bytes.length });
  }
  if (input.bytes[0] !== formatByte) {
    throw new CodecError(
      'UNSUPPORTED_FRAME',
      `Payload type unknown, currently standard format supported (message format 0x${input.bytes[0].toString(16).padStart(2, '0')})`,
      { format: input.bytes[0] },
    );
  }
  const hex: string[] = new Array<string>(input.bytes.length);
  for (let i = 0; i < input.bytes.length; i++) hex[i] = HEX[input.bytes[i]];
  return hex;
}

/** The byte at `i` as hex; a record header running past the end is TRUNCATED. */
export function hexAt(arr: readonly string[], i: number, what: string): string {
  if (i >= arr.length) throw new CodecError('TRUNCATED', `Elvaco record truncated: ${what} at offset ${i} of ${arr.length}`, { offset: i });
  return arr[i];
}

/** `arr[i]` as the vendor appends it to a VIF: past the end JavaScript gives "undefined". */
export const appended = (arr: readonly string[], i: number): string => (i < arr.length ? arr[i] : 'undefined');

/**
 * The value bytes as the vendor takes them: slice(i, i + n) reversed and joined (big-endian hex).
 * Like the vendor, a last value shorter than its length is read from the bytes that are there;
 * a value with no byte at all is TRUNCATED.
 */
export function valueHex(arr: readonly string[], i: number, n: number): string {
  const rel = i + n; // slice's end: a negative one counts from the end of the array
  const end = rel < 0 ? Math.max(arr.length + rel, 0) : Math.min(rel, arr.length);
  if (!(end > i)) throw new CodecError('TRUNCATED', `Elvaco record truncated: value at offset ${i} of ${arr.length}`, { offset: i });
  let hex = '';
  for (let k = end - 1; k >= i; k--) hex += arr[k];
  return hex;
}

/** The value of one hex digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** `parseInt(s, 16)`, computed in place for up to 12 plain hex digits (exact), otherwise by parseInt. */
export function parseHex(s: string): number {
  const n = s.length;
  if (n === 0 || n > 12) return parseInt(s, 16);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = hexDigit(s.charCodeAt(i));
    if (d < 0) return parseInt(s, 16);
    v = v * 16 + d;
  }
  return v;
}

/** `parseInt(s)` (the vendor's radix-less read), computed in place for up to 15 plain decimal digits. */
export function parseDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return parseInt(s);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return parseInt(s);
    v = v * 10 + (c - 48);
  }
  return v;
}

/** What JSON makes of a JavaScript number: NaN becomes null, -0 becomes 0. */
export function jsonNumber(v: number): number | null {
  if (Number.isNaN(v)) return null;
  return v === 0 ? 0 : v;
}

/** The tables as maps (own keys only, as Object.hasOwn looked them up), built once per table. */
const TABLE_MAPS = new WeakMap<DifVifTable, Map<string, Map<string, RecordSpec>>>();

/** The table of the last lookup and its maps: a frame's records look up the same table. */
let lastTable: DifVifTable | undefined;
let lastMap: Map<string, Map<string, RecordSpec>> | undefined;

function tableMap(table: DifVifTable): Map<string, Map<string, RecordSpec>> {
  if (table === lastTable && lastMap !== undefined) return lastMap;
  let m = TABLE_MAPS.get(table);
  if (m === undefined) {
    m = new Map(Object.keys(table).map((dif) => [dif, new Map(Object.keys(table[dif]).map((vif) => [vif, table[dif][vif]]))]));
    TABLE_MAPS.set(table, m);
  }
  lastTable = table;
  lastMap = m;
  return m;
}

export function lookup(table: DifVifTable, dif: string, vif: string): RecordSpec | undefined {
  return tableMap(table).get(dif)?.get(vif);
}

export function unknownRecord(message: string, dif: string, vif: string): never {
  throw new CodecError('MALFORMED', message, { dif, vif });
}

export type VendorDictionary = JsonObject;
