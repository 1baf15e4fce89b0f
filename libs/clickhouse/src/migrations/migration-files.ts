/**
 * Migration files: `NNNN_name.sql` (at least four digits, unique by number), applied in number order.
 * Everything about a file is checked when the directory is read, before the database is touched.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClickHouseMigrationError } from './migration-error';
import { parseRequiresHeader } from './requires-header';
import type { VersionRequirement } from './requires-header';
import { splitStatements } from './split-statements';

export interface MigrationFile {
  /** The file name, e.g. `0001_telemetry.sql`: the key recorded in `schema_migrations`. */
  readonly name: string;
  readonly prefix: number;
  /** sha256 of the content (line endings normalised to LF). */
  readonly checksum: string;
  readonly requires: VersionRequirement | undefined;
  readonly statements: readonly string[];
}

const FILE_NAME = /^(\d{4,})_([A-Za-z0-9_-]+)\.sql$/;

/** The numeric prefix of a migration file name; throws for a `.sql` file not named `NNNN_name.sql`. */
export function migrationPrefix(fileName: string): number {
  const match = FILE_NAME.exec(fileName);
  if (!match) {
    throw new ClickHouseMigrationError(
      'invalid_file_name',
      'migration files are named NNNN_name.sql (zero-padded number of at least 4 digits, then letters, digits, _ or -)',
      fileName,
    );
  }
  return Number(match[1]);
}

/**
 * The `.sql` names of a directory listing, in apply order. Other files (README.md, ...) are ignored;
 * a badly named `.sql` file or two files with the same number are refused.
 */
export function orderMigrationFileNames(fileNames: readonly string[]): string[] {
  const byPrefix = new Map<number, string>();
  for (const fileName of fileNames.filter((name) => name.endsWith('.sql'))) {
    const prefix = migrationPrefix(fileName);
    const other = byPrefix.get(prefix);
    if (other !== undefined) {
      const [first, second] = [other, fileName].sort();
      throw new ClickHouseMigrationError(
        'duplicate_prefix',
        `${first} and ${second} share the number ${prefix}: every migration needs its own number`,
      );
    }
    byPrefix.set(prefix, fileName);
  }
  return [...byPrefix.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
}

export function migrationChecksum(content: string): string {
  return createHash('sha256').update(content.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Parses one file's content; errors name the file. */
export function parseMigrationFile(name: string, content: string): MigrationFile {
  const prefix = migrationPrefix(name);
  try {
    const statements = splitStatements(content);
    if (statements.length === 0) throw new ClickHouseMigrationError('empty_migration', 'the file holds no statement');
    return { name, prefix, checksum: migrationChecksum(content), requires: parseRequiresHeader(content), statements };
  } catch (error: unknown) {
    if (error instanceof ClickHouseMigrationError && error.file === undefined) {
      throw new ClickHouseMigrationError(error.code, error.message, name);
    }
    throw error;
  }
}

/** Reads, validates and orders every migration of a directory. */
export function loadMigrationFiles(dir: string): MigrationFile[] {
  return orderMigrationFileNames(readdirSync(dir)).map((name) =>
    parseMigrationFile(name, readFileSync(join(dir, name), 'utf8')),
  );
}
