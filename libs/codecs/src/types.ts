/**
 * The canonical decoded payload: every codec turns bytes into this one shape, so the rest of the
 * platform never knows vendors. Field names are wire API (stored, served): add, never rename.
 */
export const UTILITIES = ['water', 'gas', 'heat', 'electricity', 'cooling', 'pulse', 'multi'] as const;
export type Utility = (typeof UTILITIES)[number];

/** Canonical alarm codes. Vendor alarm names map onto these; the vendor's own stay under `vendor`. */
export const ALARM_CODES = [
  'leak',
  'burst',
  'backflow',
  'tamper',
  'magnetic_tamper',
  'low_battery',
  'battery_end_of_life',
  'dry',
  'removal',
  'overflow',
  'sensor_error',
  'hardware_error',
  'temporary_error',
  'permanent_error',
  'low_temperature',
  'high_temperature',
  'over_current',
  'over_voltage',
  'under_voltage',
  'threshold',
  'over_range',
  'no_flow',
  'high_flow',
  'low_flow',
  'valve_error',
  'communication_error',
] as const;
export type AlarmCode = (typeof ALARM_CODES)[number];

/** Normalised units: volume m3, energy kWh, power W, volume_flow m3/h, temperatures degC, voltage V, current A. */
export const CANONICAL_UNITS = [
  'm3',
  'kWh',
  'kvarh',
  'kVAh',
  'W',
  'var',
  'VA',
  'm3/h',
  'degC',
  'K',
  'V',
  'A',
  'Hz',
  'count',
  '%',
  'bar',
  'kg',
  'kg/h',
  's',
  'dBm',
  'hca',
  '',
] as const;
export type CanonicalUnit = (typeof CANONICAL_UNITS)[number];

export interface Measurement {
  /** volume, energy, power, volume_flow, flow_temperature, return_temperature, temperature, voltage, current, ... */
  quantity: string;
  value: number;
  unit: CanonicalUnit;
  /** ISO-8601 UTC, when the payload carries the time of this value. */
  at?: string;
  /** 0 = current; history / due-date slots > 0. */
  storage?: number;
  /** 0 = total. */
  tariff?: number;
  /** OBIS code ("1.8.0"), "reverse", a channel name, an M-Bus subunit... */
  register?: string;
}

export interface DeviceStatus {
  batteryPercent?: number;
  batteryVoltage?: number;
  firmware?: string;
  hardware?: string;
  serial?: string;
  /** wM-Bus / M-Bus identity of the meter that sent the data. */
  manufacturer?: string;
  meterId?: string;
  version?: number;
  deviceType?: string;
  accessNumber?: number;
  statusByte?: number;
  [key: string]: string | number | boolean | undefined;
}

/** JSON value kept under `vendor`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface DecodedPayload {
  /** Codec id, e.g. "axioma/qalcosonic-w1" or "wmbus/generic". */
  codec: string;
  measurements: Measurement[];
  alarms: AlarmCode[];
  device?: DeviceStatus;
  /** Every field as the vendor documents it. */
  vendor: JsonObject;
  /** Non-fatal problems (e.g. a CRC mismatch the vendor decoder tolerates). */
  warnings?: string[];
}

/** Input of a LoRaWAN codec. */
export interface UplinkInput {
  bytes: Uint8Array;
  fPort: number;
  /** Receive time (ISO-8601), for payloads that carry relative times. */
  recvTime?: string;
}

/** Commands a codec may encode as a downlink. */
export type DownlinkCommand =
  | { type: 'valve'; open: boolean }
  | { type: 'relay'; on: boolean }
  | { type: 'reporting_interval'; seconds: number }
  | { type: 'time_sync'; at: Date }
  | { type: 'read_config' }
  | { type: 'reset_counter' };
export type DownlinkCommandType = DownlinkCommand['type'];

export interface EncodedDownlink {
  fPort: number;
  bytes: Uint8Array;
  /** Whether the command should be sent confirmed. */
  confirmed?: boolean;
}

export interface CodecMeta {
  /** `vendor/codec` as in the LoRaWAN Device Repository, or `wmbus/...`. */
  id: string;
  vendor: string;
  model: string;
  utility: Utility;
  protocol: 'lorawan' | 'wmbus' | 'mbus';
  /** fPorts the decoder accepts (empty for non-LoRaWAN). */
  fPorts: number[];
  /** Downlink commands the encoder supports (empty: none). */
  downlinks: DownlinkCommandType[];
  /** Public document(s) the layout comes from. */
  sources: string[];
}

export interface LorawanCodec {
  readonly meta: CodecMeta;
  decode(input: UplinkInput): DecodedPayload;
  encode?(command: DownlinkCommand): EncodedDownlink;
}
