import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestPostgresDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { createServiceDataSource, serviceDataSourceOptions } from './data-source';
import { hasPendingMigrations, runPostgresMigrations } from './migrate';
import { PostgresProbe } from './postgres-probe';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "alpha"."widgets" (id serial PRIMARY KEY, name text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "alpha"."widgets"');
  }
}
class AddColour1700000000001 implements MigrationInterface {
  name = 'AddColour1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "alpha"."widgets" ADD COLUMN colour text');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "alpha"."widgets" DROP COLUMN colour');
  }
}
class Broken1700000000002 implements MigrationInterface {
  name = 'Broken1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "alpha"."half" (id int)');
    await q.query('THIS IS NOT SQL');
  }
  async down(): Promise<void> {}
}

describe('PostgreSQL service schemas and migrations (real server)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestPostgresDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const settings = (schema: string, migrations: (new () => MigrationInterface)[]) => ({
    url: db.url,
    schema,
    applicationName: 'itest',
    migrations,
  });

  it('never synchronizes the schema from entities', () => {
    const options = serviceDataSourceOptions(settings('alpha', []));
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
    expect(() => serviceDataSourceOptions(settings('Bad-Name', []))).toThrow(/Invalid schema name/);
  });

  it('creates the schema, applies migrations in order, records them in the schema, and applies nothing the second time', async () => {
    const first = await runPostgresMigrations(createServiceDataSource(settings('alpha', [CreateWidgets1700000000000, AddColour1700000000001])));
    expect(first).toEqual({ schema: 'alpha', applied: ['CreateWidgets1700000000000', 'AddColour1700000000001'] });
    const second = await runPostgresMigrations(createServiceDataSource(settings('alpha', [CreateWidgets1700000000000, AddColour1700000000001])));
    expect(second.applied).toEqual([]);

    const ds = createServiceDataSource(settings('alpha', [CreateWidgets1700000000000, AddColour1700000000001]));
    await ds.initialize();
    try {
      expect(await hasPendingMigrations(ds)).toBe(false);
      const recorded = (await ds.query('SELECT name FROM "alpha"."migrations" ORDER BY id')) as { name: string }[];
      expect(recorded.map((r) => r.name)).toEqual(['CreateWidgets1700000000000', 'AddColour1700000000001']);
      const columns = (await ds.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'alpha' AND table_name = 'widgets' ORDER BY ordinal_position`,
      )) as { column_name: string }[];
      expect(columns.map((c) => c.column_name)).toEqual(['id', 'name', 'colour']);
    } finally {
      await ds.destroy();
    }
  });

  it('keeps each service in its own schema with its own migrations table', async () => {
    class CreateBeta1700000000000 implements MigrationInterface {
      name = 'CreateBeta1700000000000';
      async up(q: QueryRunner): Promise<void> {
        await q.query('CREATE TABLE "beta"."things" (id int)');
      }
      async down(): Promise<void> {}
    }
    const outcome = await runPostgresMigrations(createServiceDataSource(settings('beta', [CreateBeta1700000000000])));
    expect(outcome.applied).toEqual(['CreateBeta1700000000000']);
    const ds = createServiceDataSource(settings('beta', []));
    await ds.initialize();
    try {
      const tables = (await ds.query(
        `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema IN ('alpha','beta') ORDER BY 1`,
      )) as { t: string }[];
      expect(tables.map((r) => r.t)).toEqual(['alpha.migrations', 'alpha.widgets', 'beta.migrations', 'beta.things']);
    } finally {
      await ds.destroy();
    }
  });

  it('rolls a failing migration back whole and reports the error', async () => {
    await expect(
      runPostgresMigrations(createServiceDataSource(settings('alpha', [CreateWidgets1700000000000, AddColour1700000000001, Broken1700000000002]))),
    ).rejects.toThrow(/syntax error/);
    const ds = createServiceDataSource(settings('alpha', []));
    await ds.initialize();
    try {
      const half = (await ds.query(`SELECT to_regclass('alpha.half') AS t`)) as { t: string | null }[];
      expect(half[0].t).toBeNull();
    } finally {
      await ds.destroy();
    }
  });

  it('probes up on a live pool and down with a reason otherwise', async () => {
    const ds = createServiceDataSource(settings('alpha', []));
    await ds.initialize();
    expect((await new PostgresProbe(ds).probe()).status).toBe('up');
    await ds.destroy();
    const down = await new PostgresProbe(ds).probe();
    expect(down).toEqual({ status: 'down', detail: 'not connected' });
  });
});
