/**
 * Row shapes of the telemetry tables (libs/clickhouse/migrations/0001_telemetry.sql, 0003_ingest_stores.sql) and the
 * guards that keep a hostile or broken message from producing a row ClickHouse would refuse: a refused row would fail
 * its whole batch on every retry and stall the drain, so every value is made valid here (a time outside the allowed
 * window falls back to the receive time; a non-finite value is dropped).
 */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface UplinkRow {
  tenant_id: string;
  dev_eui: string;
  ts: Date;
  received_at: Date;
  event: string;
  deduplication_id: string;
  f_cnt: number;
  f_port: number;
  payload_hex: string;
  raw: string;
  decode_status: DecodeStatus;
  decode_error: string;
  codec: string;
  version: number;
}

/** ok, failed (the codec refused it), no_codec, unknown_meter (a bridged wM-Bus meter not registered), not_applicable. */
export type DecodeStatus = 'ok' | 'failed' | 'no_codec' | 'unknown_meter' | 'not_applicable';

export interface ReadingRow {
  tenant_id: string;
  device_id: string;
  device_address: string;
  ts: Date;
  received_at: Date;
  quantity: string;
  value: number;
  unit: string;
  storage: number;
  tariff: number;
  register: string;
  codec: string;
  source: string;
  deduplication_id: string;
  version: number;
}

export interface DeviceStatusRow {
  tenant_id: string;
  device_id: string;
  dev_eui: string;
  ts: Date;
  received_at: Date;
  f_cnt: number;
  rssi: number | null;
  snr: number | null;
  gateway_count: number;
  gateway_ids: string[];
  frequency: number;
  dr: number;
  battery_percent: number | null;
  battery_voltage: number | null;
  version: number;
}

export interface GatewaySeenRow {
  tenant_id: string;
  gateway_id: string;
  last_seen: Date;
  dev_eui: string;
  rssi: number | null;
  snr: number | null;
}

export interface DeadLetterRow {
  tenant_id: string;
  id: string;
  received_at: Date;
  topic: string;
  dev_eui: string;
  event: string;
  code: string;
  field: string;
  message: string;
  raw_base64: string;
  version: number;
}

export interface UnassignedRow {
  dev_eui: string;
  application_id: string;
  ts: Date;
  received_at: Date;
  event: string;
  deduplication_id: string;
  f_cnt: number;
  f_port: number;
  payload_hex: string;
  topic: string;
  raw: string;
  reason: string;
  assigned: number;
  version: number;
}

/** Everything one batch writes, by table. */
export interface TableRows {
  uplinks: UplinkRow[];
  readings: ReadingRow[];
  device_status: DeviceStatusRow[];
  gateway_last_seen: GatewaySeenRow[];
  dead_letters: DeadLetterRow[];
  unassigned_uplinks: UnassignedRow[];
}

export function emptyRows(): TableRows {
  return { uplinks: [], readings: [], device_status: [], gateway_last_seen: [], dead_letters: [], unassigned_uplinks: [] };
}

export const TABLES = ['uplinks', 'readings', 'device_status', 'gateway_last_seen', 'dead_letters', 'unassigned_uplinks'] as const;

/** The columns each table's rows fill, in the order they are sent (every field of the row type, once). */
export const TABLE_COLUMNS: { readonly [K in keyof TableRows]: ReadonlyArray<keyof TableRows[K][number] & string> } = {
  uplinks: ['tenant_id', 'dev_eui', 'ts', 'received_at', 'event', 'deduplication_id', 'f_cnt', 'f_port', 'payload_hex', 'raw', 'decode_status', 'decode_error', 'codec', 'version'],
  readings: ['tenant_id', 'device_id', 'device_address', 'ts', 'received_at', 'quantity', 'value', 'unit', 'storage', 'tariff', 'register', 'codec', 'source', 'deduplication_id', 'version'],
  device_status: ['tenant_id', 'device_id', 'dev_eui', 'ts', 'received_at', 'f_cnt', 'rssi', 'snr', 'gateway_count', 'gateway_ids', 'frequency', 'dr', 'battery_percent', 'battery_voltage', 'version'],
  gateway_last_seen: ['tenant_id', 'gateway_id', 'last_seen', 'dev_eui', 'rssi', 'snr'],
  dead_letters: ['tenant_id', 'id', 'received_at', 'topic', 'dev_eui', 'event', 'code', 'field', 'message', 'raw_base64', 'version'],
  unassigned_uplinks: ['dev_eui', 'application_id', 'ts', 'received_at', 'event', 'deduplication_id', 'f_cnt', 'f_port', 'payload_hex', 'topic', 'raw', 'reason', 'assigned', 'version'],
};

const DAY_MS = 86_400_000;
/** An event's own time is trusted within this window around its receive time. */
const EVENT_PAST_MS = 400 * DAY_MS;
/** A measurement's time (history values, due dates) may lie further back. */
const MEASUREMENT_PAST_MS = 5 * 366 * DAY_MS;
const FUTURE_MS = DAY_MS;

/** The event's time when it is plausible, else the receive time (a device or gateway clock can be anything). */
export function eventTime(epochMs: number | undefined, receivedAt: number): Date {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return new Date(receivedAt);
  if (epochMs < receivedAt - EVENT_PAST_MS || epochMs > receivedAt + FUTURE_MS) return new Date(receivedAt);
  return new Date(epochMs);
}

/** A measurement's `at` (ISO-8601) when plausible, else the uplink's time. */
export function measurementTime(at: string | undefined, uplinkTime: Date, receivedAt: number): Date {
  if (at === undefined) return uplinkTime;
  const ms = Date.parse(at);
  if (!Number.isFinite(ms) || ms < receivedAt - MEASUREMENT_PAST_MS || ms > receivedAt + FUTURE_MS) return uplinkTime;
  return new Date(ms);
}

/** An integer within [0, max], else 0. */
export function boundedInt(value: number | undefined, max: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= max ? value : 0;
}

/** A finite number, else null. */
export function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** An integer within the Int16 range (dBm), else null. */
export function int16OrNull(value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const rounded = Math.round(value);
  return rounded >= -32768 && rounded <= 32767 ? rounded : null;
}
