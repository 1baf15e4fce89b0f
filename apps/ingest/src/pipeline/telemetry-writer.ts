import type { ClickHouseStore } from '@app/clickhouse';
import { INSERT_TABLE, TABLE_COLUMNS } from './rows';
import type { TableRows } from './rows';
import { TsvTables } from './tsv-lines';

const WRITE_ORDER = ['readings', 'uplinks', 'device_status', 'gateway_last_seen', 'dead_letters', 'unassigned_uplinks'] as const;

export interface TableBody {
  table: keyof TableRows;
  body: Buffer;
}

/** Every non-empty table's TSV body, biggest first: of collected rows, or of rows encoded as they came. */
export function encodeBodies(rows: TableRows | TsvTables): TableBody[] {
  const tables = rows instanceof TsvTables ? rows : TsvTables.of(rows);
  const out: TableBody[] = [];
  for (const table of WRITE_ORDER) {
    const body = tables.body(table);
    if (body !== undefined) out.push({ table, body });
  }
  return out;
}

export interface InsertObserver {
  startInsert?(table: string): () => number;
}

/**
 * Writes one batch's rows: one TabSeparated insert per non-empty table, concurrently (TSV: the cheapest text format
 * to build here and to parse in ClickHouse). Resolves only when every insert is confirmed; any failure rejects
 * (the write-ahead buffer retries the whole batch, and the tables' ReplacingMergeTree keys make the rows that did
 * land the first time collapse with their repeats).
 */
export class TelemetryWriter {
  constructor(
    private readonly store: Pick<ClickHouseStore, 'insertTsv'>,
    private readonly observer: InsertObserver = {},
  ) {}

  async write(rows: TableRows): Promise<void> {
    await this.writeBodies(encodeBodies(rows));
  }

  /** Inserts bodies encoded beforehand (`encodeBodies`, during the previous batch's inserts). */
  async writeBodies(bodies: ReadonlyArray<TableBody>): Promise<void> {
    const outcomes = await Promise.allSettled(bodies.map(({ table, body }) => this.insert(table, body)));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async insert(table: keyof TableRows, body: Buffer): Promise<void> {
    const done = this.observer.startInsert?.(table);
    try {
      await this.store.insertTsv(INSERT_TABLE[table], TABLE_COLUMNS[table], body);
    } finally {
      done?.();
    }
  }
}
