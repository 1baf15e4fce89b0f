import type { ClickHouseStore } from '@app/clickhouse';
import { TABLES } from './rows';
import type { TableRows } from './rows';

export interface InsertObserver {
  startInsert?(table: string): () => number;
}

/**
 * Writes one batch's rows: one JSONEachRow insert per non-empty table, all at once. Resolves only when every
 * insert is confirmed; any failure rejects (the write-ahead buffer retries the whole batch, and the tables'
 * ReplacingMergeTree keys make the rows that did land the first time collapse with their repeats).
 */
export class TelemetryWriter {
  constructor(
    private readonly store: Pick<ClickHouseStore, 'insert'>,
    private readonly observer: InsertObserver = {},
  ) {}

  async write(rows: TableRows): Promise<void> {
    await Promise.all(
      TABLES.filter((table) => rows[table].length > 0).map(async (table) => {
        const done = this.observer.startInsert?.(table);
        try {
          await this.store.insert(table, rows[table] as never);
        } finally {
          done?.();
        }
      }),
    );
  }
}
