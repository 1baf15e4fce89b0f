import { join, raw, sql } from '@app/clickhouse';
import type { SqlFragment } from '@app/clickhouse';

/** `WHERE a AND b ...`, or nothing for no conditions. */
export function whereAll(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? raw('') : sql`WHERE ${join(conditions, ' AND ')}`;
}
