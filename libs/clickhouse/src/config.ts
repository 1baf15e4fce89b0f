/** Connection settings of a `ClickHouseStore`. Plain values: the app's config module reads the environment. */
export interface ClickHouseConfig {
  /** HTTP(S) endpoint, e.g. `http://127.0.0.1:8123`. */
  url: string;
  /** Database every statement runs in (created by the migration runner when missing). */
  database: string;
  username?: string;
  /** Secret: never logged, masked in error details. */
  password?: string;
  /** Per-request timeout; defaults to 30 s. */
  requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The CLICKHOUSE_* variables of an app's validated environment. */
export interface ClickHouseVariables {
  CLICKHOUSE_URL: string;
  CLICKHOUSE_DB: string;
  CLICKHOUSE_USER: string;
  CLICKHOUSE_PASSWORD: string;
}

/** One mapping from the environment to a `ClickHouseConfig`, for every app and tool. */
export function clickHouseConfigFrom(env: ClickHouseVariables): ClickHouseConfig {
  return { url: env.CLICKHOUSE_URL, database: env.CLICKHOUSE_DB, username: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD };
}
