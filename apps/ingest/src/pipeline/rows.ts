/**
 * Row shapes of the telemetry tables (libs/clickhouse/migrations/0001_telemetry.sql, 0003_ingest_stores.sql) and the
 * guards that keep a hostile or broken message from producing a row ClickHouse would refuse: a refused row would fail
 * its whole batch on every retry and stall the drain, so every value is made valid here (a time outside the allowed
 * window falls back to the receive time; a non-finite value is dropped).
 */
import type { Measurement } from '@app/codecs';

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
  /** The message as received: its bytes (ingest), or its text (read back from the archive). */
  raw: string | Buffer;
  decode_status: DecodeStatus;
  decode_error: string;
  codec: string;
  version: number;
}

/** ok, failed (the codec refused it), no_codec, unknown_meter (a bridged wM-Bus meter not registered), not_applicable. */
export type DecodeStatus = 'ok' | 'failed' | 'no_codec' | 'unknown_meter' | 'not_applicable';

/**
 * The readings one uplink carries, as ingest inserts them (`readings_ingest`, migration 0004: one row per uplink,
 * expanded into `readings` rows by a materialized view). `measurements` are the codec's, unguarded: the encoder
 * and `flattenReadings` apply the same guards (`readingTimeMs`, `boundedInt`, finite values only).
 */
export interface ReadingGroup {
  tenant_id: string;
  device_id: string;
  device_address: string;
  /** The carrying uplink's time (epoch ms): the time of a measurement without a plausible one of its own. */
  uplink_ms: number;
  received_ms: number;
  codec: string;
  source: string;
  deduplication_id: string;
  version: number;
  measurements: readonly Measurement[];
}

/** One `readings` row. */
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
  /** As `UplinkRow.raw`. */
  raw: string | Buffer;
  reason: string;
  assigned: number;
  version: number;
}

/** Everything one batch writes, by table. */
export interface TableRows {
  uplinks: UplinkRow[];
  readings: ReadingGroup[];
  device_status: DeviceStatusRow[];
  gateway_last_seen: GatewaySeenRow[];
  dead_letters: DeadLetterRow[];
  unassigned_uplinks: UnassignedRow[];
}

/**
 * Where `BatchProcessor` puts rows: only `push` is used, so collected arrays (`TableRows`, for tests, re-decoding and
 * reprocessing) and encoders that write each row at once (`TsvTables`, the drain) both fit.
 */
export type RowTargets = { readonly [K in keyof TableRows]: { push(...rows: TableRows[K][number][]): unknown } };

export function emptyRows(): TableRows {
  return { uplinks: [], readings: [], device_status: [], gateway_last_seen: [], dead_letters: [], unassigned_uplinks: [] };
}

/** The table each kind of row is inserted into (readings go through `readings_ingest`, migration 0004). */
export const INSERT_TABLE: { readonly [K in keyof TableRows]: string } = {
  uplinks: 'uplinks',
  readings: 'readings_ingest',
  device_status: 'device_status',
  gateway_last_seen: 'gateway_last_seen',
  dead_letters: 'dead_letters',
  unassigned_uplinks: 'unassigned_uplinks',
};

export const TABLES = ['uplinks', 'readings', 'device_status', 'gateway_last_seen', 'dead_letters', 'unassigned_uplinks'] as const;

type Columns<R> = ReadonlyArray<keyof R & string>;

/**
 * The columns of each insert, in the order the encoders (tsv-lines.ts) write them: every field of the row type,
 * once; readings go to `readings_ingest` as the group's fields and one array per measurement field.
 */
export const TABLE_COLUMNS: { readonly [K in keyof TableRows]: readonly string[] } = {
  uplinks: ['tenant_id', 'dev_eui', 'ts', 'received_at', 'event', 'deduplication_id', 'f_cnt', 'f_port', 'payload_hex', 'raw', 'decode_status', 'decode_error', 'codec', 'version'] satisfies Columns<UplinkRow>,
  readings: ['tenant_id', 'device_id', 'device_address', 'received_at', 'codec', 'source', 'deduplication_id', 'version', 'm_ts', 'm_quantity', 'm_value', 'm_unit', 'm_storage', 'm_tariff', 'm_register'],
  device_status: ['tenant_id', 'device_id', 'dev_eui', 'ts', 'received_at', 'f_cnt', 'rssi', 'snr', 'gateway_count', 'gateway_ids', 'frequency', 'dr', 'battery_percent', 'battery_voltage', 'version'] satisfies Columns<DeviceStatusRow>,
  gateway_last_seen: ['tenant_id', 'gateway_id', 'last_seen', 'dev_eui', 'rssi', 'snr'] satisfies Columns<GatewaySeenRow>,
  dead_letters: ['tenant_id', 'id', 'received_at', 'topic', 'dev_eui', 'event', 'code', 'field', 'message', 'raw_base64', 'version'] satisfies Columns<DeadLetterRow>,
  unassigned_uplinks: ['dev_eui', 'application_id', 'ts', 'received_at', 'event', 'deduplication_id', 'f_cnt', 'f_port', 'payload_hex', 'topic', 'raw', 'reason', 'assigned', 'version'] satisfies Columns<UnassignedRow>,
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

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 0x30;
  const b = text.charCodeAt(i + 1) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `Date.parse` of measurement times, faster for the shape the codecs write (`toISOString`:
 * `YYYY-MM-DDThh:mm:ss.sssZ`): the day is parsed once while it repeats, the time of day is arithmetic. Any other
 * text, or a field out of range, goes to `Date.parse`: the results are equal (tested). A load profile carries
 * dozens of times per payload, and `Date.parse` was a tenth of the readings encoder.
 */
export class IsoTimes {
  // 'YYYY-MM-DDT' and UTC midnight of the last two days parsed (a load profile can cross midnight).
  private dayText = '#';
  private dayMs = Number.NaN;
  private otherText = '#';
  private otherMs = Number.NaN;

  parse(at: string): number {
    if (at.length !== 24 || at.charCodeAt(10) !== 0x54 || at.charCodeAt(13) !== 0x3a || at.charCodeAt(16) !== 0x3a || at.charCodeAt(19) !== 0x2e || at.charCodeAt(23) !== 0x5a) {
      return Date.parse(at); // not T : : . Z where toISOString puts them
    }
    if (!at.startsWith(this.dayText) && !this.switchDay(at)) return Date.parse(at);
    const hour = twoDigits(at, 11);
    const minute = twoDigits(at, 14);
    const second = twoDigits(at, 17);
    const centis = twoDigits(at, 20);
    const last = at.charCodeAt(22) - 0x30;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || centis < 0 || last < 0 || last > 9) {
      return Date.parse(at);
    }
    return this.dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + centis * 10 + last;
  }

  /** Makes `at`'s day the current one (the other remembered day, or parsed); false if it is not YYYY-MM-DD. */
  private switchDay(at: string): boolean {
    const text = this.otherText;
    const ms = this.otherMs;
    this.otherText = this.dayText;
    this.otherMs = this.dayMs;
    if (at.startsWith(text)) {
      this.dayText = text;
      this.dayMs = ms;
      return true;
    }
    // Only YYYY-MM-DD: `Date.parse` reads other date texts alone more leniently than within a date-time.
    const digits = twoDigits(at, 0) >= 0 && twoDigits(at, 2) >= 0 && twoDigits(at, 5) >= 0 && twoDigits(at, 8) >= 0;
    const dayMs = digits && at.charCodeAt(4) === 0x2d && at.charCodeAt(7) === 0x2d ? Date.parse(at.slice(0, 10)) : Number.NaN; // UTC midnight
    this.dayText = Number.isNaN(dayMs) ? '#' : at.slice(0, 11);
    this.dayMs = dayMs;
    return !Number.isNaN(dayMs);
  }
}

/** A measurement's `at` (ISO-8601) when plausible, else the uplink's time (epoch ms); `parsed`: `Date.parse(at)` if known. */
export function readingTimeMs(at: string | undefined, uplinkMs: number, receivedAt: number, parsed?: number): number {
  if (at === undefined) return uplinkMs;
  const ms = parsed ?? Date.parse(at);
  if (!Number.isFinite(ms) || ms < receivedAt - MEASUREMENT_PAST_MS || ms > receivedAt + FUTURE_MS) return uplinkMs;
  return ms;
}

/** The `readings` rows a group stands for, with the guards the encoder applies. */
export function flattenReadings(group: ReadingGroup): ReadingRow[] {
  const rows: ReadingRow[] = [];
  for (const m of group.measurements) {
    if (!Number.isFinite(m.value)) continue;
    rows.push({
      tenant_id: group.tenant_id,
      device_id: group.device_id,
      device_address: group.device_address,
      ts: new Date(readingTimeMs(m.at, group.uplink_ms, group.received_ms)),
      received_at: new Date(group.received_ms),
      quantity: m.quantity,
      value: m.value,
      unit: m.unit,
      storage: boundedInt(m.storage, 0xffff_ffff),
      tariff: boundedInt(m.tariff, 0xffff),
      register: m.register ?? '',
      codec: group.codec,
      source: group.source,
      deduplication_id: group.deduplication_id,
      version: group.version,
    });
  }
  return rows;
}

/** How many `readings` rows the groups stand for. */
export function readingCount(groups: readonly ReadingGroup[]): number {
  let n = 0;
  for (const g of groups) for (const m of g.measurements) if (Number.isFinite(m.value)) n++;
  return n;
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
