import { TsvBuilder } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { TABLES, TABLE_COLUMNS } from './rows';
import type { TableRows } from './rows';

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
    const bodies = TABLES.filter((table) => rows[table].length > 0).map((table) => {
      const builder = new TsvBuilder<Record<string, unknown>>(TABLE_COLUMNS[table] as readonly string[]);
      for (const row of rows[table]) builder.add(row as unknown as Record<string, unknown>);
      return { table, body: builder.text() };
    });
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
