/**
 * SQL of the dead-letter listings (ClickHouse 18.16 and current releases).
 *
 * `dead_letters` is a ReplacingMergeTree ordered by (tenant_id, id): a redelivered message is a second row
 * with the same key until a merge. The inner query collapses them with FINAL, filtered only on the key's
 * `tenant_id` (the same for every version of a row); every other filter (period, code, device, cursor)
 * applies after the collapse, so a row is never judged by a version that FINAL discards.
 */
import { ident, sql } from '@app/clickhouse';
import type { SqlFragment } from '@app/clickhouse';
import type { Period } from './period';
import { whereAll } from './where';

export interface DeadLetterRow {
  tenant_id: string;
  id: string;
  received_at: string;
  topic: string;
  dev_eui: string;
  event: string;
  code: string;
  field: string;
  message: string;
  raw_base64: string;
}

/** The sort key of the listing, newest first: `received_at` (text as stored), tenant, id. */
export type DeadLetterKey = [receivedAt: string, tenantId: string, id: string];

export interface DeadLetterFilter extends Period {
  tenantId?: string;
  code?: string;
  devEui?: string;
}

const COLUMNS = sql`tenant_id, id, received_at, topic, dev_eui, event, code, field, message, raw_base64`;

function collapsed(tenantId: string | undefined, columns: SqlFragment): SqlFragment {
  const key = tenantId === undefined ? [] : [sql`tenant_id = toUUID(${tenantId})`];
  return sql`(SELECT ${columns} FROM ${ident('dead_letters')} FINAL ${whereAll(key)})`;
}

function periodConditions(period: Period): SqlFragment[] {
  const out: SqlFragment[] = [];
  if (period.from) out.push(sql`received_at >= ${period.from}`);
  if (period.to) out.push(sql`received_at < ${period.to}`);
  return out;
}

/** One page (`limit` rows; ask one more to know whether another page follows) after `after`, newest first. */
export function listDeadLettersQuery(filter: DeadLetterFilter, limit: number, after: DeadLetterKey | null): SqlFragment {
  const conditions = periodConditions(filter);
  if (filter.code !== undefined) conditions.push(sql`code = ${filter.code}`);
  if (filter.devEui !== undefined) conditions.push(sql`dev_eui = ${filter.devEui.toLowerCase()}`);
  if (after) {
    const [receivedAt, tenantId, id] = after;
    conditions.push(sql`(received_at, tenant_id, id) < (toDateTime(${receivedAt}, 'UTC'), toUUID(${tenantId}), ${id})`);
  }
  return sql`SELECT ${COLUMNS} FROM ${collapsed(filter.tenantId, COLUMNS)} ${whereAll(conditions)}
ORDER BY received_at DESC, tenant_id DESC, id DESC
LIMIT ${limit}`;
}

/** Dead letters by code in the period (after the collapse). */
export function countDeadLettersQuery(filter: Pick<DeadLetterFilter, 'tenantId' | 'from' | 'to'>): SqlFragment {
  return sql`SELECT code, count() AS n FROM ${collapsed(filter.tenantId, sql`code, received_at`)} ${whereAll(periodConditions(filter))}
GROUP BY code ORDER BY code`;
}
