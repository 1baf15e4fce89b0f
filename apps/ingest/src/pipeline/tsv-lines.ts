/**
 * TabSeparated bodies of the telemetry tables, one hand-written encoder per table (columns in `TABLE_COLUMNS` order),
 * written straight into bytes (`TsvBytes`). A generic encoder reads fields by name from rows of six shapes, which V8
 * cannot optimise; ingest writes about ten rows per uplink, so this is its hottest code (docs/benchmarks.md "Ingest
 * end to end"). Texts that are ids we made or validated (UUIDs, hex EUIs, codes, enum names) are written as they
 * are; everything from a message goes through `tsvEscape`, and a message's own bytes (`raw`) are copied escaped
 * without a round trip through a string. Numbers and Dates keep the generic rules (non-finite and out-of-range
 * values throw).
 *
 * `TsvTables` takes rows the way `BatchProcessor` hands them out (`push`), encoding each at once: a batch keeps
 * bytes, not thousands of row objects and parsed events (which then die young, cheap for the garbage collector).
 */
import { DateTimeText, TsvBytes, tsvEscape, tsvNumber, tsvQuoted, tsvStringArray } from '@app/clickhouse';
import { boundedInt, readingTimeMs } from './rows';
import type { DeadLetterRow, DeviceStatusRow, GatewaySeenRow, ReadingGroup, RowTargets, TableRows, UnassignedRow, UplinkRow } from './rows';

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

/** Writes one row's line (ended by a line feed) or nothing (a reading group without a finite value). */
type LineEncoder<R> = (row: R, d: BodyDates, out: TsvBytes) => void;

/** A String column holding a message as received: its bytes, or its text (read back from ClickHouse). */
function rawColumn(raw: string | Buffer, out: TsvBytes): void {
  if (typeof raw === 'string') out.text(tsvEscape(raw));
  else out.escapedBytes(raw);
}

const uplink: LineEncoder<UplinkRow> = (r, d, out) => {
  out.text(
    `${r.tenant_id}\t${tsvEscape(r.dev_eui)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
      `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t`,
  );
  rawColumn(r.raw, out);
  out.text(`\t${r.decode_status}\t${tsvEscape(r.decode_error)}\t${tsvEscape(r.codec)}\t${tsvNumber(r.version, 'version')}\n`);
};

/** One `readings_ingest` line: the group's fields, then one array per measurement field (finite values only). */
const readingGroup: LineEncoder<ReadingGroup> = (g, d, out) => {
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
  if (n === 0) return;
  out.text(
    `${g.tenant_id}\t${g.device_id}\t${tsvEscape(g.device_address)}\t${d.ms(d.received, g.received_ms, 'received_at')}\t${tsvEscape(g.codec)}\t${g.source}\t` +
      `${tsvEscape(g.deduplication_id)}\t${tsvNumber(g.version, 'version')}\t[${ts}]\t[${quantity}]\t[${value}]\t[${unit}]\t[${storage}]\t[${tariff}]\t[${register}]\n`,
  );
};

const deviceStatus: LineEncoder<DeviceStatusRow> = (r, d, out) =>
  out.text(
    `${r.tenant_id}\t${r.device_id}\t${tsvEscape(r.dev_eui)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${tsvNumber(r.f_cnt, 'f_cnt')}\t` +
      `${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}\t${tsvNumber(r.gateway_count, 'gateway_count')}\t${tsvStringArray(r.gateway_ids)}\t${tsvNumber(r.frequency, 'frequency')}\t` +
      `${tsvNumber(r.dr, 'dr')}\t${nullable(r.battery_percent, 'battery_percent')}\t${nullable(r.battery_voltage, 'battery_voltage')}\t${tsvNumber(r.version, 'version')}\n`,
  );

const gatewaySeen: LineEncoder<GatewaySeenRow> = (r, d, out) =>
  out.text(`${r.tenant_id}\t${tsvEscape(r.gateway_id)}\t${d.ts.format(r.last_seen, 'last_seen')}\t${tsvEscape(r.dev_eui)}\t${nullable(r.rssi, 'rssi')}\t${nullable(r.snr, 'snr')}\n`);

const deadLetter: LineEncoder<DeadLetterRow> = (r, d, out) =>
  out.text(
    `${r.tenant_id}\t${r.id}\t${d.received.format(r.received_at, 'received_at')}\t${tsvEscape(r.topic)}\t${tsvEscape(r.dev_eui)}\t${tsvEscape(r.event)}\t${tsvEscape(r.code)}\t` +
      `${tsvEscape(r.field)}\t${tsvEscape(r.message)}\t${r.raw_base64}\t${tsvNumber(r.version, 'version')}\n`,
  );

const unassigned: LineEncoder<UnassignedRow> = (r, d, out) => {
  out.text(
    `${tsvEscape(r.dev_eui)}\t${tsvEscape(r.application_id)}\t${d.ts.format(r.ts, 'ts')}\t${d.received.format(r.received_at, 'received_at')}\t${r.event}\t${tsvEscape(r.deduplication_id)}\t` +
      `${tsvNumber(r.f_cnt, 'f_cnt')}\t${tsvNumber(r.f_port, 'f_port')}\t${r.payload_hex}\t${tsvEscape(r.topic)}\t`,
  );
  rawColumn(r.raw, out);
  out.text(`\t${r.reason}\t${tsvNumber(r.assigned, 'assigned')}\t${tsvNumber(r.version, 'version')}\n`);
};

/** First-allocation sizes per table for a batch of up to a few thousand uplinks (they grow as needed). */
const INITIAL_BYTES: { readonly [K in keyof TableRows]: number } = {
  uplinks: 1 << 20,
  readings: 1 << 20,
  device_status: 256 << 10,
  gateway_last_seen: 16 << 10,
  dead_letters: 4 << 10,
  unassigned_uplinks: 4 << 10,
};

/** One table's body, taking rows as they come. */
export class TsvTable<R> {
  private out: TsvBytes | undefined;
  private lines = 0;

  constructor(
    private readonly encode: LineEncoder<R>,
    private readonly dates: BodyDates,
    private readonly initialBytes: number,
  ) {}

  /** How many rows were pushed (a reading group is one row). */
  get length(): number {
    return this.lines;
  }

  push(...rows: R[]): number {
    return this.pushAll(rows);
  }

  pushAll(rows: readonly R[]): number {
    this.out ??= new TsvBytes(this.initialBytes);
    for (const row of rows) this.encode(row, this.dates, this.out);
    this.lines += rows.length;
    return this.lines;
  }

  /** The body, or undefined when no line was written. */
  body(): Buffer | undefined {
    return this.out && this.out.byteLength > 0 ? this.out.bytes() : undefined;
  }
}

/** Row targets that encode as they take: one TabSeparated body per table. */
export class TsvTables implements RowTargets {
  private readonly dates = new BodyDates();
  readonly uplinks = new TsvTable(uplink, this.dates, INITIAL_BYTES.uplinks);
  readonly readings = new TsvTable(readingGroup, this.dates, INITIAL_BYTES.readings);
  readonly device_status = new TsvTable(deviceStatus, this.dates, INITIAL_BYTES.device_status);
  readonly gateway_last_seen = new TsvTable(gatewaySeen, this.dates, INITIAL_BYTES.gateway_last_seen);
  readonly dead_letters = new TsvTable(deadLetter, this.dates, INITIAL_BYTES.dead_letters);
  readonly unassigned_uplinks = new TsvTable(unassigned, this.dates, INITIAL_BYTES.unassigned_uplinks);

  /** The table's body, or undefined when it has no line. */
  body(table: keyof TableRows): Buffer | undefined {
    return this[table].body();
  }
}

/** The TabSeparated body of collected rows of one table; undefined when it has none. */
export function tsvBody<K extends keyof TableRows>(rows: TableRows, table: K): Buffer | undefined {
  const tables = new TsvTables();
  (tables[table] as unknown as TsvTable<TableRows[K][number]>).pushAll(rows[table] as TableRows[K][number][]);
  return tables.body(table);
}
