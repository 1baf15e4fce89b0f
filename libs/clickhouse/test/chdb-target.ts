/**
 * Runs the library's SQL on chdb (embedded ClickHouse of a current release) with the same interface the
 * migration runner uses on a server, so the compatibility test exercises the real code paths.
 */
import type { Session } from 'chdb';
import { ident, parseServerVersion, sql } from '@app/clickhouse';
import type { MigrationTarget, ServerVersion, SqlFragment } from '@app/clickhouse';

export class ChdbTarget implements MigrationTarget {
  /** Each statement sent, in order, for assertions. */
  readonly sent: string[] = [];

  constructor(
    private readonly session: Session,
    readonly database: string,
  ) {}

  async ensureDatabase(): Promise<void> {
    this.exec(sql`CREATE DATABASE IF NOT EXISTS ${ident(this.database)}`.text);
    this.exec(sql`USE ${ident(this.database)}`.text);
  }

  async command(statement: SqlFragment): Promise<void> {
    this.exec(statement.text);
  }

  async query<T extends object = Record<string, unknown>>(statement: SqlFragment): Promise<T[]> {
    return parseJsonEachRow<T>(this.exec(statement.text));
  }

  async serverVersion(): Promise<ServerVersion> {
    const [row] = parseJsonEachRow<{ version: string }>(this.exec('SELECT version() AS version'));
    if (!row) throw new Error('chdb returned no version');
    return parseServerVersion(row.version);
  }

  /** Raw text in, JSONEachRow text out (INSERT ... FORMAT JSONEachRow bodies included). */
  exec(text: string): string {
    this.sent.push(text);
    return this.session.query(text, 'JSONEachRow');
  }
}

export function parseJsonEachRow<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
