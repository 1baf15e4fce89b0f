/**
 * TabSeparated lines of the telemetry tables, one hand-written encoder per table (columns in `TABLE_COLUMNS` order).
 * A generic encoder reads fields by name from rows of six shapes, which V8 cannot optimise; ingest writes about ten
 * rows per uplink, so this is its hottest code (docs/benchmarks.md "Ingest end to end"). Texts that are ids we made
 * or validated (UUIDs, hex EUIs, codes, enum names) are written as they are; everything from a message goes
 * through `tsvEscape`. Numbers and Dates keep the generic rules (non-finite and out-of-range values throw).
 */
import { DateTimeText, tsvEscape, tsvNumber, tsvQuoted, tsvStringArray } from '@app/clickhouse';
import { boundedInt, readingTimeMs } from './rows';
import type { DeadLetterRow, DeviceStatusRow, GatewaySeenRow, ReadingGroup, TableRows, UnassignedRow, UplinkRow } from './rows';

const nullable = (value: number | null, column: string): string => (value === null ? '\\N' : tsvNumber(value, column));

/**
 * Formatters of one body, one per time column: each remembers its last second, and a batch's rows share few
 * (alternating columns through one formatter would miss every time).
 */
class BodyDates {
  readonly ts = new DateTimeText();
  readonly received = new DateTimeText();
  private readonly scratch = new Date(0);

  /** An epoch-ms time through `formatter` without a Date per call. */
  ms(formatter: DateTimeText, ms: number, column: string): string {
    this.scratch.setTime(ms);
    return formatter.format(this.scratch, column);
  }
}

/** A line's text, or '' for a row that stands for no line (a reading group without a finite value). */
type LineEncoder<R> = (row: R, d: BodyDates) => string;

const uplink: LineEncoder<UplinkRow> = (r, d) =>
  `${r.tenant_id}\t${tsvEscape(r.dev_eui)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
  `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t${tsvEscape(r.raw)}\t${r.decode_status}\t${tsvEscape(r.decode_error)}\t${tsvEscape(r.codec)}\t${tsvNumber(r.version, 'version')}`;

/** One `readings_ingest` line: the group's fields, then one array per measurement field (finite values only). */
const readingGroup: LineEncoder<ReadingGroup> = (g, d) => {
  let ts = '';
  let quantity = '';
  let value = '';
  let unit = '';
  let storage = '';
  let tariff = '';
  let register = '';
  let n = 0;
  for (const m of g.measurements) {
    if (!Number.isFinite(m.value)) continue;
    const sep = n++ === 0 ? '' : ',';
    ts += `${sep}'${d.ms(d.ts, readingTimeMs(m.at, g.uplink_ms, g.received_ms), 'ts')}'`;
    quantity += sep + tsvQuoted(m.quantity);
    value += sep + String(m.value);
    unit += sep + tsvQuoted(m.unit);
    storage += sep + String(boundedInt(m.storage, 0xffff_ffff));
    tariff += sep + String(boundedInt(m.tariff, 0xffff));
    register += sep + tsvQuoted(m.register ?? '');
  }
  if (n === 0) return '';
  return (
    `${g.tenant_id}\t${g.device_id}\t${tsvEscape(g.device_address)}\t${d.ms(d.received, g.received_ms, 'received_at')}\t${tsvEscape(g.codec)}\t${g.source}\t` +
    `${tsvEscape(g.deduplication_id)}\t${tsvNumber(g.version, 'version')}\t[${ts}]\t[${quantity}]\t[${value}]\t[${unit}]\t[${storage}]\t[${tariff}]\t[${register}]`
  );
};

const deviceStatus: LineEncoder<DeviceStatusRow> = (r, d) =>
  `${r.tenant_id}\t${r.device_id}\t${tsvEscape(r.dev_eui)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${tsvNumber(r.f_cnt, 'f_cnt')}\t` +
  `${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}\t${tsvNumber(r.gateway_count, 'gateway_count')}\t${tsvStringArray(r.gateway_ids)}\t${tsvNumber(r.frequency, 'frequency')}\t` +
  `${tsvNumber(r.dr, 'dr')}\t${nullable(r.battery_percent, 'battery_percent')}\t${nullable(r.battery_voltage, 'battery_voltage')}\t${tsvNumber(r.version, 'version')}`;

const gatewaySeen: LineEncoder<GatewaySeenRow> = (r, d) =>
  `${r.tenant_id}\t${tsvEscape(r.gateway_id)}\t${d.ts.format(r.last_seen, 'last_seen')}\t${tsvEscape(r.dev_eui)}\t${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}`;

const deadLetter: LineEncoder<DeadLetterRow> = (r, d) =>
  `${r.tenant_id}\t${r.id}\t${d.received.format(r.received_at, 'received_at')}\t${tsvEscape(r.topic)}\t${tsvEscape(r.dev_eui)}\t${tsvEscape(r.event)}\t${tsvEscape(r.code)}\t` +
  `${tsvEscape(r.field)}\t${tsvEscape(r.message)}\t${r.raw_base64}\t${tsvNumber(r.version, 'version')}`;

const unassigned: LineEncoder<UnassignedRow> = (r, d) =>
  `${tsvEscape(r.dev_eui)}\t${tsvEscape(r.application_id)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
  `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t${tsvEscape(r.topic)}\t${tsvEscape(r.raw)}\t${r.reason}\t${tsvNumber(r.assigned, 'assigned')}\t${tsvNumber(r.version, 'version')}`;

const ENCODERS: { readonly [K in keyof TableRows]: LineEncoder<TableRows[K][number]> } = {
  uplinks: uplink,
  readings: readingGroup,
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
  const dates = new BodyDates();
  const lines: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = encode(list[i] as never, dates);
    if (line !== '') lines.push(line);
  }
  return lines.length === 0 ? undefined : `${lines.join('\n')}\n`;
}
