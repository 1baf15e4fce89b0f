/**
 * Every statement this library builds, with representative arguments, so the compatibility tests can
 * run each one against ClickHouse 18.16 and a current release (chdb). A new query builder is added
 * here in the same change; the unit test fails for an exported `...Query` builder missing from it.
 * Entries run in this order against an empty database: create before insert before select.
 */
import { createMigrationsTableQuery, recordMigrationQuery, selectMigrationStateQuery } from './migrations/migration-queries';
import type { SqlFragment } from './sql';
import { createDatabaseQuery, probeQuery, serverVersionQuery } from './store-queries';

export interface CatalogQuery {
  /** The builder's function name. */
  name: string;
  build: () => SqlFragment;
}

export const CLICKHOUSE_QUERY_CATALOG: CatalogQuery[] = [
  { name: 'serverVersionQuery', build: () => serverVersionQuery() },
  { name: 'probeQuery', build: () => probeQuery() },
  // `default` exists everywhere, so the representative call changes nothing on a shared server.
  { name: 'createDatabaseQuery', build: () => createDatabaseQuery('default') },
  { name: 'createMigrationsTableQuery', build: () => createMigrationsTableQuery() },
  {
    name: 'recordMigrationQuery',
    build: () =>
      recordMigrationQuery({
        name: "0001_it's \\ a test.sql",
        checksum: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        status: 'skipped',
        appliedAt: new Date('2024-02-29T23:59:59.999Z'),
        serverVersion: '18.16.1',
        requires: '20.3',
        seq: 1709251199999000n,
      }),
  },
  { name: 'selectMigrationStateQuery', build: () => selectMigrationStateQuery() },
];
