import type { JsonObject, JsonValue } from '../../types';
import type { FrameParser, FrameReader } from './frames';
import { timedHead } from './frames';
import { findUnit, unitJson } from './mbus-units';
import { pow10, pow2 } from '../../pow';

/**
 * Frame 0x16 of IoT Factory's M-Bus gateway: one meter reading as one EN 13757-3 data record.
 * [time uint32][RSP_UD byte][meter ID, 4 bytes, printed in reverse hex][medium][status, bits 1..0]
 * [DIF][DIFEs][VIF][VIFEs][data]. Read the decoder's way (m-bus-gateway-decoder.js):
 *  - selection, LVAR and special DIFs mark the frame unsupported and the chain goes on from that
 *    DIF; plain-text and manufacturer VIFs (0x7C, 0x7F) mark it unsupported after the VIF;
 *  - an FD/FB VIF is looked up with its first VIFE (+0x100 / +0x200); the last VIFE's entry wins;
 *  - integers little-endian signed; BCD digits summed without validation over the DIF's byte count
 *    (12 for DIF 0x0E); real32 with the bytes taken big-endian;
 *  - value = raw x the unit's multiplier.
 * `record` locates the standard record bytes for the canonical decoding.
 */
const FUNCTION_DESC = ['instantaneous_value', 'maximum_value', 'minimum_value', 'value_during_error_state'];
const DIF_TYPES: ReadonlyArray<[string, number | undefined]> = [
  ['no_data', 0], ['int', 1], ['int', 2], ['int', 3], ['int', 4], ['real', 4], ['int', 6], ['int', 8],
  ['selection_readout', undefined], ['bcd', 1], ['bcd', 2], ['bcd', 3], ['bcd', 4], ['veriable_length', undefined],
  ['bcd', 12], ['special_function', undefined],
];
/** Standard EN 13757-3 data lengths, for the canonical part. */
export const STANDARD_LENGTH = [0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, 0, 6, 0];

const MEDIA: Readonly<Record<number, string>> = {
  0x00: 'Other', 0x01: 'Oil', 0x02: 'Electricity', 0x03: 'Gas', 0x04: 'Heat (volume measured at return temperature: outlet)',
  0x05: 'Steam', 0x06: 'Hot Water', 0x07: 'Water', 0x08: 'Heat Cost Allocator.', 0x09: 'Compressed Air',
  0x0a: 'Cooling load meter (volume measured at return temperature: outlet)',
  0x0b: 'Cooling load meter (volume measured at flow temperature: inlet)',
  0x0c: 'Heat (volume measured at flow temperature: inlet)', 0x0d: 'Heat / Cooling load meter', 0x0e: 'Bus / System',
  0x0f: 'Unknown Medium', 0x16: 'Cold Water', 0x17: 'Dual Water', 0x18: 'Pressure', 0x19: 'A/D Converter',
};
const mediumText = (m: number): string => MEDIA[m] ?? ((m >= 0x10 && m <= 0x15) || m >= 0x20 ? 'Reserved' : 'unknown');

/** Where the record sits in the uplink, for the canonical decoding: [start, end) of the standard record. */
export interface RecordSpan {
  start: number;
  end: number;
}
/**
 * The spans of the M-Bus frames of the uplink being decoded, found again by the frame object: the
 * codec clears them before the chain and the canonical part reads them right after it. Plain lists
 * rather than a WeakMap, whose insertion cost more than the rest of the frame parse.
 */
const spanFrames: JsonObject[] = [];
const spanStarts: number[] = [];
const spanEnds: number[] = [];

/** Forgets the spans of earlier uplinks (called by the codec before each chain). */
export function clearRecordSpans(): void {
  spanFrames.length = 0;
  spanStarts.length = 0;
  spanEnds.length = 0;
}

function rememberSpan(frame: JsonObject, start: number, end: number): void {
  if (spanFrames.length >= 4096) clearRecordSpans(); // a caller that never clears stays bounded
  spanFrames.push(frame);
  spanStarts.push(start);
  spanEnds.push(end);
}

function difJson(dif: number): JsonObject {
  const [type, countByte] = DIF_TYPES[dif & 0x0f];
  const out: JsonObject = {
    raw: dif,
    extension_bit: dif >> 7,
    lsb_storage_number: (dif & 0x40) >> 6,
    function_field: (dif & 0x30) >> 4,
    function_field_desc: FUNCTION_DESC[(dif & 0x30) >> 4],
    type,
  };
  if (countByte !== undefined) out.countByte = countByte;
  return out;
}

function intLE(b: Uint8Array): number {
  let result = b[0];
  let mul = 1;
  for (let i = 1; i < b.length; i++) result += b[i] * (mul *= 0x100);
  mul *= 0x80;
  return result >= mul ? result - pow2(8 * b.length) : result;
}
function bcdSum(b: Uint8Array): number {
  let res = 0;
  let z = 0;
  for (const x of b) {
    res += (x & 0x0f) * pow10(z++);
    res += (x >> 4) * pow10(z++);
  }
  return res;
}
function realBigEndian(b: Uint8Array): number {
  const bits = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
  const e = (bits >>> 23) & 0xff;
  const m = e === 0 ? (bits & 0x7fffff) << 1 : (bits & 0x7fffff) | 0x800000;
  return (bits >>> 31 === 0 ? 1 : -1) * m * pow2(e - 150);
}

function readVifes(r: FrameReader, frame: JsonObject, vif: number): JsonValue[] | undefined {
  const list: JsonValue[] = [];
  frame.vife_list = list;
  frame.countByteVife = 0;
  let previous = vif;
  let units: JsonValue[] | undefined;
  for (let more = true; more; ) {
    const raw = r.u8('VIFE');
    frame.countByteVife = list.length + 1;
    const value = raw & 0x7f;
    const offset = previous === 0xfd ? 0x100 : previous === 0xfb ? 0x200 : 0;
    units = unitJson(findUnit(value + offset));
    list.push({ raw, value, extension_bit: raw >> 7, data: units });
    previous = raw;
    more = (raw & 0x80) !== 0;
  }
  return units;
}

const REGULAR_ALARM = { 0: 'regular', 1: 'alarm' };
/** Meter status bits 0-1, the vendor's names (typo included). */
const METER_STATUS = ['no_error', 'application_buse', 'any_application_error', 'unknown'];

export const mbusFrame: FrameParser = (r, reason) => {
  const frame = timedHead(r, 'MBUS', reason, REGULAR_ALARM);
  r.u8('RSP_UD');
  let serial = r.hexReversed(4, 'meter serial number');
  const n = Number(serial);
  if (n < 0 || n > 0x99999999) serial = 'unknown';
  const medium = r.u8('medium');
  const status = r.u8('status') & 0x03;
  frame.medium = mediumText(medium);
  frame.status = METER_STATUS[status];
  frame.meter_serial_number = serial;
  const start = r.pos;
  const dif = r.peek('DIF');
  const difObj = difJson(dif);
  frame.dif = difObj;
  const type = difObj.type as string;
  if (type === 'selection_readout' || type === 'veriable_length' || type === 'special_function') {
    frame.error = 'unsupported_dif_in_frame_mbus';
    frame.error_debug_info = `type=MBUS|offset=${start}|dif_type=${type}`;
    return frame;
  }
  r.u8('DIF');
  if (dif & 0x80) {
    const difes: JsonValue[] = [];
    frame.dife_list = difes;
    for (let more = true; more; ) {
      const d = r.u8('DIFE');
      difes.push({ storage_number: d & 0x0f, tarif: (d & 0x30) >> 4, unit: (d & 0x40) >> 6, extensionBit: d >> 7 });
      more = (d & 0x80) !== 0;
    }
  }
  const vifRaw = r.u8('VIF');
  const vifValue = vifRaw & 0x7f;
  const vif: JsonObject = { raw: vifRaw, extension_bit: vifRaw >> 7, value: vifValue };
  frame.vif = vif;
  if (vifValue === 0x7c || vifValue === 0x7f) {
    frame.error = 'unsupported_vif_in_frame_mbus';
    frame.error_debug_info = `type=MBUS|offset=${r.pos - 1}|vif_type=${vifValue === 0x7c ? 'plain_text' : 'manufacturer_specific_coding'}`;
    return frame;
  }
  vif.data = unitJson(findUnit(vifValue));
  const units = (vifRaw & 0x80 ? readVifes(r, frame, vifRaw) : undefined) ?? (vif.data as JsonValue[]);
  frame.units = units;
  const headerEnd = r.pos;
  if (type === 'no_data') {
    frame.measurement = { value_raw: 'no_data' };
  } else {
    const raw = r.take(difObj.countByte as number, 'M-Bus value');
    const bytes: number[] = [];
    for (let i = 0; i < raw.length; i++) bytes.push(raw[i]);
    const valueRaw = type === 'int' ? intLE(raw) : type === 'bcd' ? bcdSum(raw) : realBigEndian(raw);
    frame.measurement = {
      raw: bytes,
      value_raw: valueRaw,
      value: valueRaw * (units[1] as number),
      desc: units[3],
      unit: units[2],
      dataType: difObj.function_field_desc,
    };
  }
  rememberSpan(frame, start, headerEnd + STANDARD_LENGTH[dif & 0x0f]);
  return frame;
};

export function recordSpan(frame: JsonObject): RecordSpan | undefined {
  for (let i = spanFrames.length - 1; i >= 0; i--) if (spanFrames[i] === frame) return { start: spanStarts[i], end: spanEnds[i] };
  return undefined;
}
