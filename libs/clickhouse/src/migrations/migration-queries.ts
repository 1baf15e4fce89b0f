/**
 * SQL of the migration ledger. `schema_migrations` is a wire name (public API): add columns, never
 * rename. It is an append-only log; the newest row per file (highest `seq`) is the file's state, read
 * with argMax so neither FINAL nor a finished merge is needed. Works on 18.16 and current releases.
 */
import { ident, sql } from '../sql';
import type { SqlFragment } from '../sql';

export const MIGRATIONS_TABLE = 'schema_migrations';

export type MigrationStatus = 'applied' | 'skipped';

export interface MigrationRecord {
  name: string;
  checksum: string;
  status: MigrationStatus;
  appliedAt: Date;
  serverVersion: string;
  /** The file's `-- requires:` version, '' when none. */
  requires: string;
  /** Orders records of one file: the highest wins. */
  seq: bigint;
}

/** The newest record of one file. Aliases differ from column names: an alias equal to the column it
 * aggregates turns into a nested aggregate on servers between 18.16 and the new analyzer. */
export interface MigrationStateRow {
  name: string;
  last_checksum: string;
  last_status: string;
}

export function createMigrationsTableQuery(): SqlFragment {
  return sql`CREATE TABLE IF NOT EXISTS ${ident(MIGRATIONS_TABLE)}
(
    name String,
    checksum String,
    status Enum8('applied' = 1, 'skipped' = 2),
    applied_at DateTime('UTC'),
    server_version String,
    requires String,
    seq UInt64
)
ENGINE = ReplacingMergeTree(seq)
ORDER BY name`;
}

export function selectMigrationStateQuery(): SqlFragment {
  return sql`SELECT name, argMax(checksum, seq) AS last_checksum, toString(argMax(status, seq)) AS last_status
FROM ${ident(MIGRATIONS_TABLE)}
GROUP BY name
ORDER BY name`;
}

export function recordMigrationQuery(record: MigrationRecord): SqlFragment {
  return sql`INSERT INTO ${ident(MIGRATIONS_TABLE)} (name, checksum, status, applied_at, server_version, requires, seq) VALUES (${record.name}, ${record.checksum}, ${record.status}, ${record.appliedAt}, ${record.serverVersion}, ${record.requires}, ${record.seq})`;
}
