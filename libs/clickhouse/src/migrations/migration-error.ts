export type MigrationErrorCode =
  | 'invalid_file_name'
  | 'duplicate_prefix'
  | 'invalid_requires_header'
  | 'unterminated'
  | 'empty_migration'
  | 'checksum_mismatch'
  | 'statement_failed';

/** The migration runner refused or failed; `file` names the migration when one is at fault. */
export class ClickHouseMigrationError extends Error {
  override readonly name = 'ClickHouseMigrationError';

  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(file === undefined ? message : `${file}: ${message}`, options);
  }
}
