import { ByteReader } from '../../reader';
import type { JsonValue } from '../../types';

/**
 * Watteco ZCL-over-LoRaWAN (fPort 125) building blocks shared by every Watteco codec.
 *
 * Frame: [frame control][command][cluster uint16 BE][...]. Frame-control bit 0 set = standard
 * (ZCL) frame, clear = compressed batch frame. The endpoint is bits 7..5 plus bits 2..1 << 3.
 * Sources: support.watteco.com cluster pages; the Watteco decoders in the LoRaWAN Device
 * Repository (vendor/watteco/*.js), whose output names and quirks we reproduce.
 */
export const WATTECO_PORT = 125;

export const CMD = {
  readAttributeResponse: 0x01,
  configureReporting: 0x06,
  configureReportingResponse: 0x07,
  readReportingConfigurationResponse: 0x09,
  report: 0x0a,
  clusterCommand: 0x50,
  alarmReport: 0x8a,
} as const;

export function endpointOf(frameControl: number): number {
  return ((frameControl & 0xe0) >> 5) | ((frameControl & 0x06) << 2);
}

/** "0x" + upper-case hex, zero padded, as the vendor prints command, cluster and attribute ids. */
export function zclHex(value: number, digits: number): string {
  // Ids are 8- or 16-bit: their texts are built once each.
  if (value >= 0 && value <= 0xffff && value % 1 === 0 && digits >= 0 && digits <= 8 && digits % 1 === 0) {
    const k = digits * 0x10000 + value;
    let s = ZCL_HEX.get(k);
    if (s === undefined) {
      s = '0x' + value.toString(16).toUpperCase().padStart(digits, '0');
      if (ZCL_HEX.size >= 4096) ZCL_HEX.clear();
      ZCL_HEX.set(k, s);
    }
    return s;
  }
  return '0x' + value.toString(16).toUpperCase().padStart(digits, '0');
}
const ZCL_HEX = new Map<number, string>();

/** Sizes of the ZCL attribute types the vendor knows (attribute type byte -> value size). */
export const ZCL_TYPE_SIZES: Readonly<Record<number, number>> = {
  0x08: 1, 0x09: 2, 0x0a: 3, 0x0b: 4, // general8..32
  0x10: 1, // boolean
  0x18: 1, 0x19: 2, // bitmap8/16
  0x20: 1, 0x21: 2, 0x22: 3, 0x23: 4, // uint8..32
  0x28: 1, 0x29: 2, 0x2b: 4, // int8/16/32
  0x30: 1, // enum8
  0x39: 4, // single
  0x41: 1, 0x42: 1, // byte / char string (length byte)
  0x43: 2, 0x4c: 2, // long byte string, structured sequence
};

/** How a value in an alarm trailer is read: signed int, float32, or not readable ("none", "multistate"). */
export type ValueKind = 'int' | 'float' | 'none' | 'multistate';

/** Where a decoded attribute's alarm-cause trailer starts and how its threshold values are read. */
export interface AlarmSpec {
  start: number;
  divider: number;
  kind: ValueKind;
  /** Long causes carry a field index naming the field of a multi-field attribute. */
  fieldIndexed: boolean;
}

export interface FieldSpec {
  name: string;
  size: number;
  divider: number;
  kind: ValueKind;
}

/** One attribute's decoded fields, in the vendor's key order, and its alarm trailer if any. */
export interface AttributeFields {
  fields: Array<[string, JsonValue]>;
  alarm?: AlarmSpec;
}

/** Context handed to a cluster decoder: `value` is the offset of the attribute value. */
export interface AttributeContext {
  bytes: Uint8Array;
  command: number;
  cluster: number;
  attribute: number;
  value: number;
}

/** Returns the fields of one attribute, or undefined when this cluster does not know it. */
export type ClusterDecoder = (ctx: AttributeContext) => AttributeFields | undefined;

const int4 = (name: string, divider = 1): FieldSpec => ({ name, size: 4, divider, kind: 'int' });
const int2 = (name: string, divider: number): FieldSpec => ({ name, size: 2, divider, kind: 'int' });
const none2 = (name: string): FieldSpec => ({ name, size: 2, divider: 1000, kind: 'none' });

const phases = (names: string[], suffixes: string[], divider: number[]): FieldSpec[] =>
  suffixes.flatMap((s) => names.map((n, i) => int2(`${n}_${s}`, divider[i])));

/**
 * Field tables used by long alarm causes (cluster -> attribute -> field index), as in the vendor
 * decoder. A field absent here makes a long cause unreadable, exactly as the vendor fails.
 */
export const ALARM_FIELDS: Readonly<Record<number, Readonly<Record<number, readonly FieldSpec[]>>>> = {
  0x800a: {
    0: ['positive_active_energy', 'negative_active_energy', 'positive_reactive_energy', 'negative_reactive_energy',
      'positive_active_power', 'negative_active_power', 'positive_reactive_power', 'negative_reactive_power'].map((n) => int4(n)),
  },
  0x8010: {
    0: ['a', 'b', 'c', 'abc'].flatMap((p) => [int4(`active_energy_${p}`), int4(`reactive_energy_${p}`)]),
    1: ['a', 'b', 'c', 'abc'].flatMap((p) => [int4(`active_power_${p}`), int4(`reactive_power_${p}`)]),
  },
  0x800b: { 0: [int2('Vrms', 10), int2('Irms', 10), int2('angle', 1)] },
  0x800d: { 0: phases(['Vrms', 'Irms', 'angle'], ['a', 'b', 'c'], [10, 10, 1]) },
  0x8052: {
    0: [
      ...['frequency', 'frequency_min', 'frequency_max'].map((n) => int2(n, 1000)),
      ...['Vrms', 'Vrms_min', 'Vrms_max', 'Vpeak', 'Vpeak_min', 'Vpeak_max'].map((n) => int2(n, 10)),
      int2('over_voltage', 1),
      int2('sag_voltage', 1),
    ],
  },
  0x8005: {
    0: Array.from({ length: 10 }, (_, i): FieldSpec => ({ name: `pin_state_${i + 1}`, size: 1, divider: 1, kind: 'none' })),
  },
  0x0050: {
    6: ['power_modes', 'current_power_source', 'constant_power', 'rechargeable_battery', 'disposable_battery',
      'solar_harvesting', 'TIC_harvesting'].map(none2),
  },
};

/** A bounds-checked reader positioned at `offset` of the frame (a short frame throws TRUNCATED). */
export function readerAt(bytes: Uint8Array, offset: number): ByteReader {
  const r = new ByteReader(bytes, 'Watteco frame');
  r.need(offset - r.offset, 'attribute value');
  r.seek(offset);
  return r;
}
