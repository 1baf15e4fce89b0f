import type { ClickHouseStore } from '@app/clickhouse';
import { TABLE_COLUMNS } from './rows';
import type { TableRows } from './rows';
import { tsvBodies } from './tsv-lines';

export interface InsertObserver {
  startInsert?(table: string): () => number;
}

/**
 * Writes one batch's rows: one TabSeparated insert per non-empty table, all at once (TSV: the cheapest text format
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
    const bodies = tsvBodies(rows);
    await Promise.all(
      bodies.map(async ({ table, body }) => {
        const done = this.observer.startInsert?.(table);
        try {
          await this.store.insertTsv(table, TABLE_COLUMNS[table], body);
        } finally {
          done?.();
        }
      }),
    );
  }
}
