/** Statements the store itself sends. Each one is listed in `CLICKHOUSE_QUERY_CATALOG`. */
import { ident, sql } from './sql';
import type { SqlFragment } from './sql';

/** `SELECT version()`: the server's version text. */
export function serverVersionQuery(): SqlFragment {
  return sql`SELECT version() AS version`;
}

/** The health probe: a real query, so authentication and the database are checked too (unlike /ping). */
export function probeQuery(): SqlFragment {
  return sql`SELECT 1 AS ok`;
}

/** Creates the store's database when missing; sent over a connection to `default`. */
export function createDatabaseQuery(database: string): SqlFragment {
  return sql`CREATE DATABASE IF NOT EXISTS ${ident(database)}`;
}
