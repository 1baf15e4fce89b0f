/**
 * `npm run migrate`: the one explicit step that changes database schemas.
 * PostgreSQL: creates the database if missing, then each service's schema and its pending migrations.
 * ClickHouse: creates the database if missing and applies the numbered .sql files.
 * Safe to run twice; exits non-zero with the reason on any failure.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger, platformVersion } from '@app/common';
import { ClickHouseStore, clickHouseConfigFrom, runClickHouseMigrations } from '@app/clickhouse';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { analyticsDataSourceSettings } from '../apps/analytics/src/database/data-source';
import { billingDataSourceSettings } from '../apps/billing/src/database/data-source';
import { meteringDataSourceSettings } from '../apps/metering/src/database/data-source';
import { systemDataSourceSettings } from '../apps/system/src/database/data-source';
import { loadToolsConfig } from './config';
import { ensurePostgresDatabase } from './ensure-database';

/** Where the ClickHouse .sql files are, from the source tree or from dist/. */
export const CLICKHOUSE_MIGRATIONS_DIR = join(__dirname, '..', ...(__dirname.includes('/dist/') ? ['..'] : []), 'libs', 'clickhouse', 'migrations');

async function main(): Promise<void> {
  const config = loadToolsConfig();
  const logger = createLogger({ service: 'migrate', version: platformVersion(), level: config.LOG_LEVEL });
  const only = process.argv.includes('--postgres') ? 'postgres' : process.argv.includes('--clickhouse') ? 'clickhouse' : 'all';

  if (only !== 'clickhouse') {
    if (await ensurePostgresDatabase(config.DATABASE_URL)) logger.info('created the PostgreSQL database');
    for (const settings of [
      systemDataSourceSettings(config.DATABASE_URL),
      meteringDataSourceSettings(config.DATABASE_URL),
      billingDataSourceSettings(config.DATABASE_URL),
      analyticsDataSourceSettings(config.DATABASE_URL),
    ]) {
      const outcome = await runPostgresMigrations(createServiceDataSource(settings));
      logger.info({ schema: outcome.schema, applied: outcome.applied }, `PostgreSQL schema ${outcome.schema}: ${outcome.applied.length} migration(s) applied`);
    }
  }

  if (only !== 'postgres') {
    const store = new ClickHouseStore(clickHouseConfigFrom(config));
    try {
      const outcome = await runClickHouseMigrations(store, CLICKHOUSE_MIGRATIONS_DIR, logger);
      logger.info({ outcome }, 'ClickHouse migrations done');
    } finally {
      await store.close();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
