/** PostgreSQL SQLSTATE of a unique constraint violation. */
const UNIQUE_VIOLATION = '23505';

/** PostgreSQL SQLSTATE of a foreign key violation. */
const FOREIGN_KEY_VIOLATION = '23503';

/** True when `error` is PostgreSQL refusing a reference to a missing row, on the named constraint. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { driverError } = error as { driverError?: { code?: unknown; constraint?: unknown } };
  return driverError?.code === FOREIGN_KEY_VIOLATION && driverError.constraint === constraint;
}

/** True when `error` is PostgreSQL refusing a duplicate (optionally on the named constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const sqlState = driverError?.code ?? code;
  if (sqlState !== UNIQUE_VIOLATION) return false;
  return constraint === undefined || driverError?.constraint === constraint;
}
