/** The migration runner against the real ClickHouse server, with migration files written per test. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseMigrationError, ClickHouseStore, parseServerVersion, runClickHouseMigrations, sql } from '@app/clickhouse';
import type { MigrationLogger, MigrationTarget, ServerVersion } from '@app/clickhouse';
import { dropThrowawayDatabase, testConfig, throwawayDatabaseName } from '../../test/clickhouse-env';

interface LedgerRow {
  name: string;
  status: string;
  checksum: string;
  server_version: string;
  requires: string;
}

function memoryLogger(): MigrationLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

/** The same store, claiming another server version (to see a gated file apply after an "upgrade"). */
function reportingVersion(store: ClickHouseStore, version: ServerVersion): MigrationTarget {
  return {
    database: store.database,
    command: (statement) => store.command(statement),
    query: (statement) => store.query(statement),
    ensureDatabase: () => store.ensureDatabase(),
    serverVersion: async () => version,
  };
}

async function ledger(store: ClickHouseStore): Promise<LedgerRow[]> {
  return store.query<LedgerRow>(
    sql`SELECT name, toString(status) AS status, checksum, server_version, requires FROM schema_migrations ORDER BY name, seq`,
  );
}

async function tableNames(store: ClickHouseStore): Promise<string[]> {
  const rows = await store.query<{ name: string }>(
    sql`SELECT name FROM system.tables WHERE database = ${store.database} ORDER BY name`,
  );
  return rows.map((row) => row.name);
}

describe('runClickHouseMigrations on the server', () => {
  let store: ClickHouseStore;
  let dir: string;
  let server: ServerVersion;
  let gate: string;

  beforeAll(async () => {
    store = new ClickHouseStore(testConfig(throwawayDatabaseName()));
    const admin = new ClickHouseStore(testConfig('default'));
    server = await admin.serverVersion().finally(() => admin.close());
    gate = `${server.major + 1}.1`; // always newer than the server (20.1 and up on 18.16)
    dir = mkdtempSync(join(tmpdir(), 'ch-runner-'));
    writeFileSync(
      join(dir, '0001_base.sql'),
      `-- Two statements; the semicolon and quote in the string literal must not split them.
CREATE TABLE IF NOT EXISTS notes (id UInt32, text String) ENGINE = MergeTree() ORDER BY id;
/* a block comment; with a semicolon */
INSERT INTO notes (id, text) VALUES (1, 'a;b -- c \\' d');
`,
    );
    writeFileSync(
      join(dir, '0002_gated.sql'),
      `-- requires: clickhouse >= ${gate}\nCREATE TABLE IF NOT EXISTS gated (id UInt8) ENGINE = Memory;\n`,
    );
    writeFileSync(join(dir, 'README.md'), 'not a migration');
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (store) await dropThrowawayDatabase(store);
  });

  it('creates the database, applies in order, and records a version-gated file as skipped', async () => {
    const logger = memoryLogger();
    const report = await runClickHouseMigrations(store, dir, logger);
    expect(report).toEqual({
      database: store.database,
      serverVersion: server.text,
      applied: ['0001_base.sql'],
      skipped: ['0002_gated.sql'],
      alreadyApplied: [],
      unknown: [],
    });
    expect(await tableNames(store)).toEqual(['notes', 'schema_migrations']);
    expect(await store.query(sql`SELECT id, text FROM notes`)).toEqual([{ id: 1, text: "a;b -- c ' d" }]);
    const rows = await ledger(store);
    expect(rows.map((row) => [row.name, row.status, row.server_version, row.requires])).toEqual([
      ['0001_base.sql', 'applied', server.text, ''],
      ['0002_gated.sql', 'skipped', server.text, gate],
    ]);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(logger.lines.some((line) => line.includes('0002_gated.sql skipped'))).toBe(true);
  });

  it('applies nothing and records nothing when run again', async () => {
    const before = await ledger(store);
    const report = await runClickHouseMigrations(store, dir);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(['0001_base.sql']);
    expect(report.skipped).toEqual(['0002_gated.sql']);
    expect(await ledger(store)).toEqual(before);
    expect(await store.query(sql`SELECT id FROM notes`)).toEqual([{ id: 1 }]);
  });

  it('applies the gated file once the server is new enough', async () => {
    const upgraded = reportingVersion(store, parseServerVersion(`${server.major + 1}.1.0`));
    const report = await runClickHouseMigrations(upgraded, dir);
    expect(report.applied).toEqual(['0002_gated.sql']);
    expect(await tableNames(store)).toContain('gated');
    const state = await store.query<{ last_status: string }>(
      sql`SELECT toString(argMax(status, seq)) AS last_status FROM schema_migrations WHERE name = ${'0002_gated.sql'}`,
    );
    expect(state).toEqual([{ last_status: 'applied' }]);
    // Applied stays applied on the real (older) server.
    const again = await runClickHouseMigrations(store, dir);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual([]);
    expect(again.alreadyApplied).toEqual(['0001_base.sql', '0002_gated.sql']);
  });

  it('refuses to run when an applied file changed, before applying anything', async () => {
    const edited = mkdtempSync(join(tmpdir(), 'ch-runner-edited-'));
    try {
      writeFileSync(join(edited, '0001_base.sql'), 'CREATE TABLE IF NOT EXISTS notes (id UInt64) ENGINE = Memory;');
      writeFileSync(join(edited, '0003_new.sql'), 'CREATE TABLE IF NOT EXISTS newer (id UInt8) ENGINE = Memory;');
      const run = runClickHouseMigrations(store, edited);
      await expect(run).rejects.toBeInstanceOf(ClickHouseMigrationError);
      await expect(run).rejects.toMatchObject({ code: 'checksum_mismatch', file: '0001_base.sql' });
      await expect(run).rejects.toThrow(/never edit an applied migration/);
      expect(await tableNames(store)).not.toContain('newer');
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('refuses two files with one number before touching the server', async () => {
    const twins = mkdtempSync(join(tmpdir(), 'ch-runner-twins-'));
    const target = new ClickHouseStore(testConfig(throwawayDatabaseName()));
    try {
      writeFileSync(join(twins, '0001_a.sql'), 'SELECT 1;');
      writeFileSync(join(twins, '0001_b.sql'), 'SELECT 2;');
      await expect(runClickHouseMigrations(target, twins)).rejects.toMatchObject({ code: 'duplicate_prefix' });
      const found = await store.query(sql`SELECT name FROM system.databases WHERE name = ${target.database}`);
      expect(found).toEqual([]);
    } finally {
      rmSync(twins, { recursive: true, force: true });
      await target.close();
    }
  });

  it('stops at a failing statement, names the file, records nothing, and applies the fixed file later', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ch-runner-broken-'));
    const target = new ClickHouseStore(testConfig(throwawayDatabaseName()));
    try {
      writeFileSync(join(broken, '0001_ok.sql'), 'CREATE TABLE IF NOT EXISTS ok (id UInt8) ENGINE = Memory;');
      writeFileSync(
        join(broken, '0002_bad.sql'),
        'CREATE TABLE IF NOT EXISTS first (id UInt8) ENGINE = Memory;\nCREATE TABLE oops (;',
      );
      const run = runClickHouseMigrations(target, broken);
      await expect(run).rejects.toMatchObject({ code: 'statement_failed', file: '0002_bad.sql' });
      await expect(run).rejects.toThrow(/statement 2 of 2/);
      const names = await target.query<{ name: string }>(sql`SELECT name FROM schema_migrations`);
      expect(names).toEqual([{ name: '0001_ok.sql' }]);

      writeFileSync(
        join(broken, '0002_bad.sql'),
        'CREATE TABLE IF NOT EXISTS first (id UInt8) ENGINE = Memory;\nCREATE TABLE IF NOT EXISTS second (id UInt8) ENGINE = Memory;',
      );
      const report = await runClickHouseMigrations(target, broken);
      expect(report.applied).toEqual(['0002_bad.sql']);
    } finally {
      rmSync(broken, { recursive: true, force: true });
      await dropThrowawayDatabase(target);
    }
  });

  it('warns about applied migrations that have no file any more', async () => {
    const fewer = mkdtempSync(join(tmpdir(), 'ch-runner-fewer-'));
    const target = new ClickHouseStore(testConfig(throwawayDatabaseName()));
    try {
      await runClickHouseMigrations(target, dir);
      writeFileSync(join(fewer, '0005_other.sql'), 'SELECT 1;');
      const logger = memoryLogger();
      const report = await runClickHouseMigrations(target, fewer, logger);
      expect(report.applied).toEqual(['0005_other.sql']);
      expect(report.unknown).toEqual(['0001_base.sql']); // 0002_gated.sql was only skipped: not reported
      expect(logger.lines.filter((line) => line.startsWith('warn'))).toEqual([
        expect.stringContaining('0001_base.sql is recorded as applied'),
      ]);
    } finally {
      rmSync(fewer, { recursive: true, force: true });
      await dropThrowawayDatabase(target);
    }
  });
});
