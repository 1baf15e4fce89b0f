/** Every statement of CLICKHOUSE_QUERY_CATALOG on the real ClickHouse server (chdb: compat.chdb.int-spec.ts). */
import { CLICKHOUSE_QUERY_CATALOG, sql } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { dropThrowawayDatabase, openThrowawayStore } from '../test/clickhouse-env';

describe('the query catalog on the server', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = await openThrowawayStore();
  });
  afterAll(async () => {
    if (store) await dropThrowawayDatabase(store);
  });

  it.each(CLICKHOUSE_QUERY_CATALOG.map((entry) => [entry.name, entry] as const))('%s runs', async (_name, entry) => {
    const statement = entry.build();
    if (/^\s*(SELECT|WITH)\b/i.test(statement.text)) {
      await expect(store.query(statement)).resolves.toBeInstanceOf(Array);
    } else {
      await expect(store.command(statement)).resolves.toBeUndefined();
    }
  });

  it('read back what the catalog recorded, exactly', async () => {
    const rows = await store.query(
      sql`SELECT name, toString(status) AS status_text, server_version, requires, toString(applied_at) AS at FROM schema_migrations`,
    );
    expect(rows).toEqual([
      { name: "0001_it's \\ a test.sql", status_text: 'skipped', server_version: '18.16.1', requires: '20.3', at: '2024-02-29 23:59:59' },
    ]);
  });
});
