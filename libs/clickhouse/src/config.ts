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
