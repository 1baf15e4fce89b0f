/**
 * TabSeparated lines of the telemetry tables, one hand-written encoder per table (columns in `TABLE_COLUMNS` order).
 * A generic encoder reads fields by name from rows of six shapes, which V8 cannot optimise; ingest writes about ten
 * rows per uplink, so this is its hottest code (docs/benchmarks.md "Ingest end to end"). Texts that are ids we made
 * or validated (UUIDs, hex EUIs, codes, enum names) are written as they are; everything from a message goes
 * through `tsvEscape`. Numbers and Dates keep the generic rules (non-finite and out-of-range values throw).
 */
import { DateTimeText, tsvEscape, tsvNumber, tsvStringArray } from '@app/clickhouse';
import type { DeadLetterRow, DeviceStatusRow, GatewaySeenRow, ReadingRow, TableRows, UnassignedRow, UplinkRow } from './rows';

const nullable = (value: number | null, column: string): string => (value === null ? '\\N' : tsvNumber(value, column));

type LineEncoder<R> = (row: R, dates: DateTimeText) => string;

const uplink: LineEncoder<UplinkRow> = (r, d) =>
  `${r.tenant_id}\t${tsvEscape(r.dev_eui)}\t${d.format(r.ts, 'ts')}\t${d.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
  `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t${tsvEscape(r.raw)}\t${r.decode_status}\t${tsvEscape(r.decode_error)}\t${tsvEscape(r.codec)}\t${tsvNumber(r.version, 'version')}`;

const reading: LineEncoder<ReadingRow> = (r, d) =>
  `${r.tenant_id}\t${r.device_id}\t${tsvEscape(r.device_address)}\t${d.format(r.ts, 'ts')}\t${d.format(r.received_at, 'received_at')}\t${tsvEscape(r.quantity)}\t` +
  `${tsvNumber(r.value, 'value')}\t${tsvEscape(r.unit)}\t${tsvNumber(r.storage, 'storage')}\t${tsvNumber(r.tariff, 'tariff')}\t${tsvEscape(r.register)}\t${tsvEscape(r.codec)}\t` +
  `${r.source}\t${tsvEscape(r.deduplication_id)}\t${tsvNumber(r.version, 'version')}`;

const deviceStatus: LineEncoder<DeviceStatusRow> = (r, d) =>
  `${r.tenant_id}\t${r.device_id}\t${tsvEscape(r.dev_eui)}\t${d.format(r.ts, 'ts')}\t${d.format(r.received_at, 'received_at')}\t${tsvNumber(r.f_cnt, 'f_cnt')}\t` +
  `${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}\t${tsvNumber(r.gateway_count, 'gateway_count')}\t${tsvStringArray(r.gateway_ids)}\t${tsvNumber(r.frequency, 'frequency')}\t` +
  `${tsvNumber(r.dr, 'dr')}\t${nullable(r.battery_percent, 'battery_percent')}\t${nullable(r.battery_voltage, 'battery_voltage')}\t${tsvNumber(r.version, 'version')}`;

const gatewaySeen: LineEncoder<GatewaySeenRow> = (r, d) =>
  `${r.tenant_id}\t${tsvEscape(r.gateway_id)}\t${d.format(r.last_seen, 'last_seen')}\t${tsvEscape(r.dev_eui)}\t${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}`;

const deadLetter: LineEncoder<DeadLetterRow> = (r, d) =>
  `${r.tenant_id}\t${r.id}\t${d.format(r.received_at, 'received_at')}\t${tsvEscape(r.topic)}\t${tsvEscape(r.dev_eui)}\t${tsvEscape(r.event)}\t${tsvEscape(r.code)}\t` +
  `${tsvEscape(r.field)}\t${tsvEscape(r.message)}\t${r.raw_base64}\t${tsvNumber(r.version, 'version')}`;

const unassigned: LineEncoder<UnassignedRow> = (r, d) =>
  `${tsvEscape(r.dev_eui)}\t${tsvEscape(r.application_id)}\t${d.format(r.ts, 'ts')}\t${d.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
  `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t${tsvEscape(r.topic)}\t${tsvEscape(r.raw)}\t${r.reason}\t${tsvNumber(r.assigned, 'assigned')}\t${tsvNumber(r.version, 'version')}`;

const ENCODERS: { readonly [K in keyof TableRows]: LineEncoder<TableRows[K][number]> } = {
  uplinks: uplink,
  readings: reading,
  device_status: deviceStatus,
  gateway_last_seen: gatewaySeen,
  dead_letters: deadLetter,
  unassigned_uplinks: unassigned,
};

/** The TabSeparated body of one table's rows; undefined when it has none. */
export function tsvBody<K extends keyof TableRows>(rows: TableRows, table: K): string | undefined {
  const list = rows[table] as ReadonlyArray<TableRows[K][number]>;
  if (list.length === 0) return undefined;
  const encode = ENCODERS[table] as LineEncoder<TableRows[K][number]>;
  const dates = new DateTimeText();
  const lines = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) lines[i] = encode(list[i] as never, dates);
  return `${lines.join('\n')}\n`;
}
