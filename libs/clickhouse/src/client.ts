/**
 * `ClickHouseStore`: a thin wrapper over `@clickhouse/client` that only accepts `SqlFragment`s
 * (so every value went through `sql`) and sends exactly one statement per HTTP request, as 18.16 needs.
 * Failures are thrown as `ClickHouseStoreError`; only `probe()` turns them into a health report.
 * No `process.env` here: the app's config module builds the `ClickHouseConfig`.
 */
import { Readable } from 'node:stream';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { ClickHouseClient } from '@clickhouse/client';
import { timedProbe } from '@app/common';
import type { StoreHealth } from '@app/contracts';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './config';
import type { ClickHouseConfig } from './config';
import { ClickHouseStoreError } from './errors';
import type { ClickHouseOperation } from './errors';
import { encodeRow } from './insert-rows';
import type { InsertRowOf } from './insert-rows';
import { SqlValueError, assertIdentifier, ident } from './sql';
import type { SqlFragment } from './sql';
import { createDatabaseQuery, probeQuery, serverVersionQuery } from './store-queries';
import { parseServerVersion } from './version';
import type { ServerVersion } from './version';

export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

/** A database every installation has, used only to create the configured one. */
const BOOTSTRAP_DATABASE = 'default';
/** Server error code of an unknown database (the same on 18.16 and current releases). */
const UNKNOWN_DATABASE = 81;

function buildClient(config: ClickHouseConfig, database: string): ClickHouseClient {
  return createClient({
    url: config.url,
    database,
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.password === undefined ? {} : { password: config.password }),
    request_timeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // We throw every failure to the caller; the client's own error log would report each one twice.
    log: { level: ClickHouseLogLevel.OFF },
  });
}

/** `db.table` or `table` -> backtick-quoted identifier text, each part validated. */
function tableIdentifier(table: string): string {
  return ident(...table.split('.')).text;
}

export class ClickHouseStore {
  readonly database: string;
  private readonly client: ClickHouseClient;

  constructor(private readonly config: ClickHouseConfig) {
    this.database = assertIdentifier(config.database);
    this.client = buildClient(config, this.database);
  }

  /** Runs one statement that returns no rows (DDL, INSERT ... VALUES, ALTER). */
  async command(statement: SqlFragment): Promise<void> {
    await this.run('command', statement.text, () => this.client.command({ query: statement.text }));
  }

  /** Runs one SELECT and returns its rows (JSONEachRow: UInt64/Int64 arrive as strings). */
  async query<T extends object = Record<string, unknown>>(statement: SqlFragment): Promise<T[]> {
    return this.run('query', statement.text, async () => {
      const result = await this.client.query({ query: statement.text, format: 'JSONEachRow' });
      return result.json<T>();
    });
  }

  /** Batched JSONEachRow insert. Dates go as epoch seconds, bigints as strings; NaN/Infinity throw. */
  async insert<T extends InsertRowOf<T>>(table: string, rows: readonly T[]): Promise<void> {
    const target = tableIdentifier(table);
    if (rows.length === 0) return;
    const values = rows.map(encodeRow);
    await this.run('insert', `INSERT INTO ${target} FORMAT JSONEachRow`, () =>
      this.client.insert({ table: target, values, format: 'JSONEachRow' }),
    );
  }

  /**
   * Inserts a TabSeparated body (text built by `TsvBuilder`, or bytes built by `TsvBytes`) into `columns` of
   * `table`: the fast path for large batches.
   */
  async insertTsv(table: string, columns: readonly string[], body: string | Buffer): Promise<void> {
    if (body.length === 0) return;
    const target = tableIdentifier(table);
    if (columns.length === 0) throw new SqlValueError('insertTsv needs the column list', 'unsupported_value');
    for (const column of columns) assertIdentifier(column);
    await this.run('insert', `INSERT INTO ${target} (${columns.join(', ')}) FORMAT TabSeparated`, () =>
      this.client.insert({ table: target, values: Readable.from([typeof body === 'string' ? Buffer.from(body) : body], { objectMode: false }), format: 'TabSeparated', columns: columns as [string, ...string[]] }),
    );
  }

  /** Resolves when the server answers `/ping`; throws `ClickHouseStoreError` otherwise. */
  async ping(): Promise<void> {
    const result = await this.client.ping();
    if (!result.success) throw new ClickHouseStoreError('ping', result.error);
  }

  /** The server's version, asked each time (a server can be upgraded under a running process). */
  async serverVersion(): Promise<ServerVersion> {
    const [row] = await this.query<{ version: string }>(serverVersionQuery());
    if (!row) throw new ClickHouseStoreError('query', new Error('SELECT version() returned no row'));
    return parseServerVersion(row.version);
  }

  /**
   * Creates the configured database when it does not exist. An existing database is confirmed over the
   * store's own connection (users limited to their database need nothing more); only a missing one is
   * created over a connection to `default`.
   */
  async ensureDatabase(): Promise<void> {
    const statement = createDatabaseQuery(this.database);
    try {
      await this.run('ensure_database', statement.text, () => this.client.command({ query: statement.text }));
      return;
    } catch (error: unknown) {
      if (!(error instanceof ClickHouseStoreError) || error.serverCode !== UNKNOWN_DATABASE) throw error;
    }
    const bootstrap = buildClient(this.config, BOOTSTRAP_DATABASE);
    try {
      await this.run('ensure_database', statement.text, () => bootstrap.command({ query: statement.text }));
    } finally {
      await bootstrap.close();
    }
  }

  /**
   * Health probe: runs `SELECT 1` (which checks credentials and the database, unlike /ping) within
   * `timeoutMs`. Never throws: a failure is `down` with the reason in `detail`, secrets masked.
   */
  async probe(timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<StoreHealth> {
    const query = probeQuery().text;
    const controller = new AbortController();
    const health = await timedProbe(timeoutMs, async () => {
      await this.run('query', query, async () => {
        const result = await this.client.query({ query, format: 'JSONEachRow', abort_signal: controller.signal });
        await result.json(); // read the answer, which frees the connection
      });
    });
    // A request still hanging after the deadline is cancelled, so probes of a hung server do not pile up.
    controller.abort();
    return health.detail === undefined ? health : { ...health, detail: this.maskSecrets(health.detail) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async run<R>(operation: ClickHouseOperation, text: string, action: () => Promise<R>): Promise<R> {
    try {
      return await action();
    } catch (error: unknown) {
      throw new ClickHouseStoreError(operation, error, text);
    }
  }

  /** Health details are public: drop URL credentials and the configured password. */
  private maskSecrets(text: string): string {
    let masked = text.replace(/\/\/[^/@\s]+@/g, '//***@');
    if (this.config.password) masked = masked.split(this.config.password).join('***');
    return masked;
  }
}
