import type { DataSource } from 'typeorm';

export interface MigrationOutcome {
  schema: string;
  applied: string[];
}

/**
 * Creates the service's schema if needed and applies its pending migrations, each in its own
 * transaction. Safe to run twice: the second run applies nothing.
 */
export async function runPostgresMigrations(dataSource: DataSource): Promise<MigrationOutcome> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The data source has no schema: every service owns one schema');
  const initializedHere = !dataSource.isInitialized;
  if (initializedHere) await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { schema, applied: applied.map((m) => m.name) };
  } finally {
    if (initializedHere) await dataSource.destroy();
  }
}

/** True when migrations exist that this database has not applied yet. */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
