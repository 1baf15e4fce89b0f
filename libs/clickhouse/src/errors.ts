/** Errors of the ClickHouse adapter. Infrastructure failures are thrown, never turned into empty results. */

export type ClickHouseOperation = 'command' | 'query' | 'insert' | 'ping' | 'ensure_database';

const SQL_PREVIEW_LENGTH = 200;

/** ClickHouse server error code (`Code: 60, ...` on 18.16, `Code: 60. DB::Exception ...` today), if any. */
export function serverErrorCode(message: string): number | undefined {
  const match = /\bCode: (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** A request to ClickHouse failed: network, authentication, or the server rejected the statement. */
export class ClickHouseStoreError extends Error {
  override readonly name = 'ClickHouseStoreError';
  /** The server's error code when the server answered with one (e.g. 60 = unknown table). */
  readonly serverCode: number | undefined;
  /** The start of the statement, for diagnosis. */
  readonly sqlPreview: string | undefined;

  constructor(
    readonly operation: ClickHouseOperation,
    cause: unknown,
    sqlText?: string,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`ClickHouse ${operation} failed: ${reason.trim()}`, { cause });
    this.serverCode = serverErrorCode(reason);
    this.sqlPreview = sqlText === undefined ? undefined : sqlText.slice(0, SQL_PREVIEW_LENGTH);
  }
}
