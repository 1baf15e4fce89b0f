/** The integration tests' ClickHouse: the real 18.16 server of the machine (`TEST_CLICKHOUSE_URL` overrides). */
import { randomBytes } from 'node:crypto';
import { ClickHouseStore, ident, sql } from '@app/clickhouse';
import type { ClickHouseConfig } from '@app/clickhouse';

/**
 * Same variable and default as `testServices.clickhouseUrl` of `@app/testing`, read here so that the
 * server build (which compiles this folder) does not pull in the test harness and its browser.
 */
const CLICKHOUSE_TEST_URL = process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';

/** `ht_<random>`: every test file gets its own database, dropped in afterAll. */
export function throwawayDatabaseName(): string {
  return `ht_${randomBytes(6).toString('hex')}`;
}

export function testConfig(database: string, overrides: Partial<ClickHouseConfig> = {}): ClickHouseConfig {
  return { url: CLICKHOUSE_TEST_URL, database, requestTimeoutMs: 20_000, ...overrides };
}

/** A store on a fresh throwaway database (created). Pair with `dropThrowawayDatabase` in afterAll. */
export async function openThrowawayStore(): Promise<ClickHouseStore> {
  const store = new ClickHouseStore(testConfig(throwawayDatabaseName()));
  await store.ensureDatabase();
  return store;
}

/** Drops the store's database and closes the store. */
export async function dropThrowawayDatabase(store: ClickHouseStore): Promise<void> {
  const admin = new ClickHouseStore(testConfig('default'));
  try {
    await admin.command(sql`DROP DATABASE IF EXISTS ${ident(store.database)}`);
  } finally {
    await admin.close();
    await store.close();
  }
}
