/**
 * Applies the numbered `.sql` files of a directory to the store's database, in number order, and
 * records each in `schema_migrations`. Safe to run twice: the second run applies nothing.
 * Run it as one explicit deploy step (not from every replica at once): it takes no lock.
 */
import type { ClickHouseStore } from '../client';
import { raw } from '../sql';
import { versionAtLeast } from '../version';
import type { ServerVersion } from '../version';
import { ClickHouseMigrationError } from './migration-error';
import { loadMigrationFiles } from './migration-files';
import type { MigrationFile } from './migration-files';
import { createMigrationsTableQuery, recordMigrationQuery, selectMigrationStateQuery } from './migration-queries';
import type { MigrationStateRow, MigrationStatus } from './migration-queries';

/** What the runner needs of a store; `ClickHouseStore` has it (tests may adapt another engine). */
export type MigrationTarget = Pick<ClickHouseStore, 'database' | 'command' | 'query' | 'serverVersion' | 'ensureDatabase'>;

/** Structurally satisfied by the platform's pino logger. */
export interface MigrationLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface MigrationReport {
  database: string;
  serverVersion: string;
  /** Applied by this run, in order. */
  applied: string[];
  /** Gated out by their `-- requires:` header on this server (recorded as skipped). */
  skipped: string[];
  /** Applied by an earlier run (checksum verified). */
  alreadyApplied: string[];
  /** Recorded as applied in the database but no longer present as files (warned, left alone). */
  unknown: string[];
}

const SILENT: MigrationLogger = { info: () => undefined, warn: () => undefined };

function isGatedOut(file: MigrationFile, version: ServerVersion): boolean {
  const req = file.requires;
  return req !== undefined && !versionAtLeast(version, req.major, req.minor, req.patch);
}

/** Refuses, before anything is applied, when an applied file was edited afterwards. */
function assertUnchanged(files: readonly MigrationFile[], state: ReadonlyMap<string, MigrationStateRow>): void {
  for (const file of files) {
    const recorded = state.get(file.name);
    if (recorded?.last_status === 'applied' && recorded.last_checksum !== file.checksum) {
      throw new ClickHouseMigrationError(
        'checksum_mismatch',
        `was applied with checksum ${recorded.last_checksum} but the file now has ${file.checksum}; ` +
          'never edit an applied migration: add a new numbered file instead',
        file.name,
      );
    }
  }
}

export async function runClickHouseMigrations(
  store: MigrationTarget,
  dir: string,
  logger: MigrationLogger = SILENT,
): Promise<MigrationReport> {
  const files = loadMigrationFiles(dir);
  await store.ensureDatabase();
  await store.command(createMigrationsTableQuery());
  const version = await store.serverVersion();
  const rows = await store.query<MigrationStateRow>(selectMigrationStateQuery());
  const state = new Map(rows.map((row) => [row.name, row]));
  assertUnchanged(files, state);

  const report: MigrationReport = {
    database: store.database,
    serverVersion: version.text,
    applied: [],
    skipped: [],
    alreadyApplied: [],
    unknown: [],
  };
  let seq = BigInt(Date.now()) * 1000n;
  const record = async (file: MigrationFile, status: MigrationStatus): Promise<void> => {
    seq += 1n;
    await store.command(
      recordMigrationQuery({
        name: file.name,
        checksum: file.checksum,
        status,
        appliedAt: new Date(),
        serverVersion: version.text,
        requires: file.requires?.text ?? '',
        seq,
      }),
    );
  };

  for (const file of files) {
    const recorded = state.get(file.name);
    if (recorded?.last_status === 'applied') {
      report.alreadyApplied.push(file.name);
      continue;
    }
    if (isGatedOut(file, version)) {
      report.skipped.push(file.name);
      if (recorded?.last_status === 'skipped' && recorded.last_checksum === file.checksum) continue;
      await record(file, 'skipped');
      logger.info(
        `clickhouse migration ${file.name} skipped: needs ClickHouse >= ${file.requires?.text ?? '?'}, server is ${version.text}`,
      );
      continue;
    }
    for (const [index, statement] of file.statements.entries()) {
      try {
        await store.command(raw(statement));
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ClickHouseMigrationError(
          'statement_failed',
          `statement ${index + 1} of ${file.statements.length} failed (earlier statements of this file stay applied; ` +
            `fix the cause and run again): ${reason}`,
          file.name,
          { cause: error },
        );
      }
    }
    await record(file, 'applied');
    report.applied.push(file.name);
    logger.info(`clickhouse migration ${file.name} applied to ${store.database} (${file.statements.length} statements)`);
  }

  const known = new Set(files.map((file) => file.name));
  for (const row of rows) {
    if (row.last_status === 'applied' && !known.has(row.name)) {
      report.unknown.push(row.name);
      logger.warn(`clickhouse migration ${row.name} is recorded as applied in ${store.database} but has no file in ${dir}`);
    }
  }
  return report;
}
