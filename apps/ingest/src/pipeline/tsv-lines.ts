/**
 * TabSeparated bodies of the telemetry tables, one hand-written encoder per table (columns in `TABLE_COLUMNS` order),
 * written straight into bytes (`TsvBytes`). A generic encoder reads fields by name from rows of six shapes, which V8
 * cannot optimise; ingest writes about ten rows per uplink, so this is its hottest code (docs/benchmarks.md "Ingest
 * end to end"). Texts that are ids we made or validated (UUIDs, hex EUIs, codes, enum names) are written as they
 * are (`TsvBytes.plain`); everything from a message is escaped (`TsvBytes.escaped` / `quoted`: the `tsvEscape` and
 * `tsvQuoted` rules), and a message's own bytes (`raw`) are copied escaped without a round trip through a string. Numbers and Dates keep the generic rules (non-finite and out-of-range
 * values throw).
 *
 * `TsvTables` takes rows the way `BatchProcessor` hands them out (`push`), encoding each at once: a batch keeps
 * bytes, not thousands of row objects and parsed events (which then die young, cheap for the garbage collector).
 */
import { TsvBytes, tsvNumber } from '@app/clickhouse';
import type { Measurement } from '@app/codecs';
import { IsoTimes, TABLES, boundedInt, readingTimeMs } from './rows';
import type { DeadLetterRow, DeviceStatusRow, GatewaySeenRow, ReadingGroup, RowTargets, TableRows, UnassignedRow, UplinkRow } from './rows';

const T = 0x09; // tab
const LF = 0x0a;
const COMMA = 0x2c;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const QUOTE = 0x27;

/** Writes one row's line (ended by a line feed) or nothing (a reading group without a finite value). */
/** `times`: the body's measurement-time parser (it remembers the days it saw). */
type LineEncoder<R> = (row: R, out: TsvBytes, times: IsoTimes) => void;

/** A field then a tab. */
function num(out: TsvBytes, value: number, column: string): void {
  out.plain(tsvNumber(value, column));
  out.byte(T);
}

function nullable(out: TsvBytes, value: number | null, column: string): void {
  if (value === null) out.plain('\\N');
  else out.plain(tsvNumber(value, column));
  out.byte(T);
}

function esc(out: TsvBytes, text: string): void {
  out.escaped(text);
  out.byte(T);
}

function plain(out: TsvBytes, text: string): void {
  out.plain(text);
  out.byte(T);
}

/** A DateTime field (epoch ms) then a tab. */
function time(out: TsvBytes, ms: number, column: string): void {
  out.dateTime(ms, column);
  out.byte(T);
}

/** A String field holding a message as received: its bytes, or its text (read back from ClickHouse). */
function raw(out: TsvBytes, value: string | Buffer): void {
  if (typeof value === 'string') out.escaped(value);
  else out.escapedBytes(value);
  out.byte(T);
}

/** Ends a line: its last field is written without the tab. */
function last(out: TsvBytes, text: string): void {
  out.plain(text);
  out.byte(LF);
}

const uplink: LineEncoder<UplinkRow> = (r, out) => {
  plain(out, r.tenant_id);
  esc(out, r.dev_eui);
  time(out, r.ts.getTime(), 'ts');
  time(out, r.received_at.getTime(), 'received_at');
  esc(out, r.event);
  esc(out, r.deduplication_id);
  num(out, r.f_cnt, 'f_cnt');
  num(out, r.f_port, 'f_port');
  plain(out, r.payload_hex);
  raw(out, r.raw);
  esc(out, r.decode_status);
  esc(out, r.decode_error);
  esc(out, r.codec);
  last(out, tsvNumber(r.version, 'version'));
};

/** One item of a measurement-field array. */
type ItemWriter = (out: TsvBytes, m: Measurement, g: ReadingGroup, times: IsoTimes) => void;

const tsItem: ItemWriter = (out, m, g, times) => {
  const at = m.at === undefined ? g.uplink_ms : readingTimeMs(m.at, g.uplink_ms, g.received_ms, times.parse(m.at));
  out.byte(QUOTE);
  out.dateTime(at, 'ts');
  out.byte(QUOTE);
};
const quantityItem: ItemWriter = (out, m) => out.quoted(m.quantity);
const valueItem: ItemWriter = (out, m) => out.plain(String(m.value));
const unitItem: ItemWriter = (out, m) => out.quoted(m.unit);
const storageItem: ItemWriter = (out, m) => out.plain(String(boundedInt(m.storage, 0xffff_ffff)));
const tariffItem: ItemWriter = (out, m) => out.plain(String(boundedInt(m.tariff, 0xffff)));
const registerItem: ItemWriter = (out, m) => out.quoted(m.register ?? '');

/** `m_ts` .. `m_register`, in `TABLE_COLUMNS` order. */
const MEASUREMENT_ARRAYS: readonly ItemWriter[] = [tsItem, quantityItem, valueItem, unitItem, storageItem, tariffItem, registerItem];

/**
 * One `readings_ingest` line: the group's fields, then one array per measurement field, each over the finite values
 * only (so the arrays have equal lengths).
 */
const readingGroup: LineEncoder<ReadingGroup> = (g, out, times) => {
  const ms = g.measurements;
  if (!ms.some((m) => Number.isFinite(m.value))) return;
  plain(out, g.tenant_id);
  plain(out, g.device_id);
  esc(out, g.device_address);
  time(out, g.received_ms, 'received_at');
  esc(out, g.codec);
  esc(out, g.source);
  esc(out, g.deduplication_id);
  num(out, g.version, 'version');
  for (let a = 0; a < MEASUREMENT_ARRAYS.length; a++) {
    const item = MEASUREMENT_ARRAYS[a] as ItemWriter;
    if (a > 0) out.byte(T);
    out.byte(OPEN);
    let n = 0;
    for (const m of ms) {
      if (!Number.isFinite(m.value)) continue;
      if (n++ > 0) out.byte(COMMA);
      item(out, m, g, times);
    }
    out.byte(CLOSE);
  }
  out.byte(LF);
};

const deviceStatus: LineEncoder<DeviceStatusRow> = (r, out) => {
  plain(out, r.tenant_id);
  plain(out, r.device_id);
  esc(out, r.dev_eui);
  time(out, r.ts.getTime(), 'ts');
  time(out, r.received_at.getTime(), 'received_at');
  num(out, r.f_cnt, 'f_cnt');
  nullable(out, r.rssi, 'rssi');
  nullable(out, r.snr, 'snr');
  num(out, r.gateway_count, 'gateway_count');
  out.quotedArray(r.gateway_ids);
  out.byte(T);
  num(out, r.frequency, 'frequency');
  num(out, r.dr, 'dr');
  nullable(out, r.battery_percent, 'battery_percent');
  nullable(out, r.battery_voltage, 'battery_voltage');
  last(out, tsvNumber(r.version, 'version'));
};

const gatewaySeen: LineEncoder<GatewaySeenRow> = (r, out) => {
  plain(out, r.tenant_id);
  esc(out, r.gateway_id);
  time(out, r.last_seen.getTime(), 'last_seen');
  esc(out, r.dev_eui);
  nullable(out, r.rssi, 'rssi');
  last(out, r.snr === null ? '\\N' : tsvNumber(r.snr, 'snr'));
};

const deadLetter: LineEncoder<DeadLetterRow> = (r, out) => {
  plain(out, r.tenant_id);
  plain(out, r.id);
  time(out, r.received_at.getTime(), 'received_at');
  esc(out, r.topic);
  esc(out, r.dev_eui);
  esc(out, r.event);
  esc(out, r.code);
  esc(out, r.field);
  esc(out, r.message);
  plain(out, r.raw_base64);
  last(out, tsvNumber(r.version, 'version'));
};

const unassigned: LineEncoder<UnassignedRow> = (r, out) => {
  esc(out, r.dev_eui);
  esc(out, r.application_id);
  time(out, r.ts.getTime(), 'ts');
  time(out, r.received_at.getTime(), 'received_at');
  esc(out, r.event);
  esc(out, r.deduplication_id);
  num(out, r.f_cnt, 'f_cnt');
  num(out, r.f_port, 'f_port');
  plain(out, r.payload_hex);
  esc(out, r.topic);
  raw(out, r.raw);
  esc(out, r.reason);
  num(out, r.assigned, 'assigned');
  last(out, tsvNumber(r.version, 'version'));
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

/**
 * Buffers of earlier bodies, kept for the next batches (at most `perTable` per table): a body is tens of megabytes
 * for a full batch, and allocating them anew each time costs more in garbage collection than encoding into them.
 * Buffers come back only once their insert is confirmed (`TsvTables.release`).
 */
export class TsvBufferPool {
  private readonly free = new Map<keyof TableRows, Buffer[]>();

  constructor(private readonly perTable = 2) {}

  take(table: keyof TableRows): Buffer | undefined {
    return this.free.get(table)?.pop();
  }

  give(table: keyof TableRows, buffer: Buffer): void {
    const list = this.free.get(table) ?? [];
    if (list.length < this.perTable && buffer.length <= MAX_POOLED_BYTES) list.push(buffer);
    this.free.set(table, list);
  }
}

const MAX_POOLED_BYTES = 256 * 1024 * 1024;

/** One table's body, taking rows as they come. */
export class TsvTable<R> {
  private out: TsvBytes | undefined;
  private lines = 0;

  constructor(
    private readonly table: keyof TableRows,
    private readonly encode: LineEncoder<R>,
    private readonly times: IsoTimes,
    private readonly pool: TsvBufferPool | undefined,
  ) {}

  /** How many rows were pushed (a reading group is one row). */
  get length(): number {
    return this.lines;
  }

  push(...rows: R[]): number {
    return this.pushAll(rows);
  }

  pushAll(rows: readonly R[]): number {
    this.out ??= new TsvBytes(this.pool?.take(this.table) ?? INITIAL_BYTES[this.table]);
    for (const row of rows) this.encode(row, this.out, this.times);
    this.lines += rows.length;
    return this.lines;
  }

  /** The body, or undefined when no line was written. */
  body(): Buffer | undefined {
    return this.out && this.out.byteLength > 0 ? this.out.bytes() : undefined;
  }

  /** Hands the buffer back to the pool: the body must not be used after. */
  release(): void {
    if (this.out && this.pool) this.pool.give(this.table, this.out.detach());
    this.out = undefined;
  }
}

/** Row targets that encode as they take: one TabSeparated body per table. */
export class TsvTables implements RowTargets {
  private readonly times = new IsoTimes();
  readonly uplinks: TsvTable<UplinkRow>;
  readonly readings: TsvTable<ReadingGroup>;
  readonly device_status: TsvTable<DeviceStatusRow>;
  readonly gateway_last_seen: TsvTable<GatewaySeenRow>;
  readonly dead_letters: TsvTable<DeadLetterRow>;
  readonly unassigned_uplinks: TsvTable<UnassignedRow>;

  /** With a pool, the bodies' buffers are taken from it and go back to it at `release`. */
  constructor(pool?: TsvBufferPool) {
    this.uplinks = new TsvTable('uplinks', uplink, this.times, pool);
    this.readings = new TsvTable('readings', readingGroup, this.times, pool);
    this.device_status = new TsvTable('device_status', deviceStatus, this.times, pool);
    this.gateway_last_seen = new TsvTable('gateway_last_seen', gatewaySeen, this.times, pool);
    this.dead_letters = new TsvTable('dead_letters', deadLetter, this.times, pool);
    this.unassigned_uplinks = new TsvTable('unassigned_uplinks', unassigned, this.times, pool);
  }

  /** The table's body, or undefined when it has no line. */
  body(table: keyof TableRows): Buffer | undefined {
    return this[table].body();
  }

  /** The bodies of rows collected beforehand (re-decoding, reprocessing, tests). */
  static of(rows: TableRows): TsvTables {
    const tables = new TsvTables();
    tables.uplinks.pushAll(rows.uplinks);
    tables.readings.pushAll(rows.readings);
    tables.device_status.pushAll(rows.device_status);
    tables.gateway_last_seen.pushAll(rows.gateway_last_seen);
    tables.dead_letters.pushAll(rows.dead_letters);
    tables.unassigned_uplinks.pushAll(rows.unassigned_uplinks);
    return tables;
  }

  /** Once every insert of the bodies is confirmed: their buffers go back to the pool. */
  release(): void {
    for (const table of TABLES) this[table].release();
  }
}

