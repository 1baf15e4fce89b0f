import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseMigrationError } from './migration-error';
import {
  loadMigrationFiles,
  migrationChecksum,
  migrationPrefix,
  orderMigrationFileNames,
  parseMigrationFile,
} from './migration-files';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error: unknown) {
    return error instanceof ClickHouseMigrationError ? error.code : 'not a ClickHouseMigrationError';
  }
  return undefined;
}

describe('migration file names', () => {
  it('reads the numeric prefix', () => {
    expect(migrationPrefix('0001_telemetry.sql')).toBe(1);
    expect(migrationPrefix('0042_add-column.sql')).toBe(42);
    expect(migrationPrefix('12345_big.sql')).toBe(12345);
  });

  it.each(['1_short.sql', '001_three.sql', 'abcd_x.sql', '0001.sql', '0001_.sql', '0001_sp ace.sql', '0001_x.SQL.sql.bak'])(
    'refuses %j',
    (name) => {
      expect(codeOf(() => migrationPrefix(name))).toBe('invalid_file_name');
    },
  );

  it('orders by number, not by text, and ignores non-.sql files', () => {
    expect(orderMigrationFileNames(['0010_c.sql', 'README.md', '0002_b.sql', '10000_e.sql', '0001_a.sql', '9999_d.sql'])).toEqual([
      '0001_a.sql',
      '0002_b.sql',
      '0010_c.sql',
      '9999_d.sql',
      '10000_e.sql',
    ]);
  });

  it('refuses two files with the same number, naming both', () => {
    expect(() => orderMigrationFileNames(['0001_a.sql', '0002_b.sql', '0002_c.sql'])).toThrow(/0002_b\.sql and 0002_c\.sql/);
    expect(codeOf(() => orderMigrationFileNames(['0003_a.sql', '00003_b.sql']))).toBe('duplicate_prefix');
  });

  it('refuses a badly named .sql file among good ones', () => {
    expect(codeOf(() => orderMigrationFileNames(['0001_a.sql', 'fix.sql']))).toBe('invalid_file_name');
  });
});

describe('parseMigrationFile', () => {
  it('splits statements, reads the header and checksums the content', () => {
    const content = '-- requires: clickhouse >= 20.3\nALTER TABLE a MODIFY COLUMN x String CODEC(ZSTD(3));\nSELECT 1;\n';
    const file = parseMigrationFile('0002_codecs.sql', content);
    expect(file.prefix).toBe(2);
    expect(file.requires?.text).toBe('20.3');
    expect(file.statements).toHaveLength(2);
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(file.checksum).toBe(migrationChecksum(content));
  });

  it('gives the same checksum for CRLF and LF line endings, a different one for any other change', () => {
    expect(migrationChecksum('SELECT 1;\r\nSELECT 2;\r\n')).toBe(migrationChecksum('SELECT 1;\nSELECT 2;\n'));
    expect(migrationChecksum('SELECT 1;')).not.toBe(migrationChecksum('SELECT 2;'));
  });

  it('names the file in its errors', () => {
    expect(() => parseMigrationFile('0003_bad.sql', "SELECT 'open")).toThrow(/^0003_bad\.sql: unterminated/);
    expect(codeOf(() => parseMigrationFile('0004_empty.sql', '-- nothing here\n'))).toBe('empty_migration');
  });
});

describe('loadMigrationFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ch-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a directory in apply order', () => {
    writeFileSync(join(dir, '0002_b.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadMigrationFiles(dir).map((file) => file.name)).toEqual(['0001_a.sql', '0002_b.sql']);
  });

  it('loads the platform migrations shipped with the library', () => {
    const files = loadMigrationFiles(join(__dirname, '..', '..', 'migrations'));
    expect(files.map((file) => file.name)[0]).toBe('0001_telemetry.sql');
    const telemetry = files[0];
    expect(telemetry?.requires).toBeUndefined();
    expect(telemetry?.statements.map((s) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1])).toEqual([
      'readings',
      'uplinks',
      'device_status',
    ]);
    for (const statement of telemetry?.statements ?? []) {
      const code = statement.replace(/--[^\n]*/g, '');
      expect(code).not.toMatch(/LowCardinality|DateTime64|CODEC|\bTTL\b/);
    }
  });
});
