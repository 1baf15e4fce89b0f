/**
 * SQL of the unassigned-uplink listings (ClickHouse 18.16 and current releases).
 *
 * `unassigned_uplinks` is a ReplacingMergeTree: once a device is registered its uplinks are decoded and a copy
 * with `assigned = 1` and a higher version replaces each row. The inner query collapses with FINAL, filtered
 * only on the key's `dev_eui`; `assigned = 0` and the cursor apply after the collapse, so an assigned uplink
 * never shows through its older unassigned version.
 */
import { ident, sql } from '@app/clickhouse';
import type { SqlFragment } from '@app/clickhouse';
import { whereAll } from './where';

export interface UnassignedRow {
  dev_eui: string;
  application_id: string;
  ts: string;
  received_at: string;
  event: string;
  deduplication_id: string;
  f_cnt: number;
  f_port: number;
  payload_hex: string;
  reason: string;
}

export interface UnassignedDeviceRow {
  dev_eui: string;
  uplinks: string;
  last_seen: string;
}

/** The sort key of the listing, newest first: time, device, event, deduplication id. */
export type UnassignedKey = [ts: string, devEui: string, event: string, deduplicationId: string];

/** The devices summary is bounded: it is a list to look at, not an export. */
export const DEVICES_SUMMARY_LIMIT = 1000;

const COLUMNS = sql`dev_eui, application_id, ts, received_at, event, deduplication_id, f_cnt, f_port, payload_hex, reason`;

function pending(devEui: string | undefined, columns: SqlFragment): SqlFragment {
  const key = devEui === undefined ? [] : [sql`dev_eui = ${devEui.toLowerCase()}`];
  return sql`(SELECT ${columns}, assigned FROM ${ident('unassigned_uplinks')} FINAL ${whereAll(key)})`;
}

/** One page (ask `limit` + 1 to know whether another follows) after `after`, newest first. */
export function listUnassignedQuery(devEui: string | undefined, limit: number, after: UnassignedKey | null): SqlFragment {
  const conditions = [sql`assigned = 0`];
  if (after) {
    const [ts, dev, event, deduplicationId] = after;
    conditions.push(sql`(ts, dev_eui, event, deduplication_id) < (toDateTime(${ts}, 'UTC'), ${dev}, ${event}, ${deduplicationId})`);
  }
  return sql`SELECT ${COLUMNS} FROM ${pending(devEui, COLUMNS)} ${whereAll(conditions)}
ORDER BY ts DESC, dev_eui DESC, event DESC, deduplication_id DESC
LIMIT ${limit}`;
}

/** Devices with unassigned uplinks: how many and when last heard, most recently heard first. */
export function unassignedDevicesQuery(devEui: string | undefined): SqlFragment {
  return sql`SELECT dev_eui, count() AS uplinks, max(ts) AS last_seen FROM ${pending(devEui, sql`dev_eui, ts`)} WHERE assigned = 0
GROUP BY dev_eui ORDER BY last_seen DESC, dev_eui ASC
LIMIT ${DEVICES_SUMMARY_LIMIT}`;
}
