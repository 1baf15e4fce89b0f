import { Inject, Injectable } from '@nestjs/common';
import { CLICKHOUSE } from '@app/clickhouse';
import type { ClickHouseReader } from './clickhouse-reader';
import type { ListUnassignedRequest, UnassignedPage, UnassignedUplink } from '@app/contracts';
import { DEFAULT_LIMIT } from './dead-letters.reader';
import { DATETIME_TEXT, PLAIN_TEXT, decodeCursor, encodeCursor } from './keyset-cursor';
import { clickHouseTimeToIso } from './time';
import { listUnassignedQuery, unassignedDevicesQuery } from './unassigned.queries';
import type { UnassignedDeviceRow, UnassignedKey, UnassignedRow } from './unassigned.queries';

const CURSOR_SHAPE = [DATETIME_TEXT, PLAIN_TEXT, PLAIN_TEXT, PLAIN_TEXT] as const;
const REASONS: ReadonlySet<string> = new Set<UnassignedUplink['reason']>(['unknown', 'archived', 'ambiguous']);

export function toUnassignedUplink(row: UnassignedRow): UnassignedUplink {
  return {
    devEui: row.dev_eui,
    applicationId: row.application_id,
    time: clickHouseTimeToIso(row.ts),
    receivedAt: clickHouseTimeToIso(row.received_at),
    deduplicationId: row.deduplication_id,
    fCnt: Number(row.f_cnt),
    fPort: Number(row.f_port),
    payloadHex: row.payload_hex,
    // The writer stores one of the three; anything else reads as unknown rather than breaking the listing.
    reason: REASONS.has(row.reason) ? (row.reason as UnassignedUplink['reason']) : 'unknown',
  };
}

/** Reads the uplinks still waiting for their device to be registered (`assigned = 0` after FINAL). */
@Injectable()
export class UnassignedReader {
  constructor(@Inject(CLICKHOUSE) private readonly store: ClickHouseReader) {}

  async list(request: ListUnassignedRequest): Promise<UnassignedPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const after = request.cursor === undefined ? null : (decodeCursor(request.cursor, CURSOR_SHAPE) as UnassignedKey);
    const [rows, devices] = await Promise.all([
      this.store.query<UnassignedRow>(listUnassignedQuery(request.devEui, limit + 1, after)),
      this.store.query<UnassignedDeviceRow>(unassignedDevicesQuery(request.devEui)),
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toUnassignedUplink),
      devices: devices.map((d) => ({ devEui: d.dev_eui, uplinks: Number(d.uplinks), lastSeen: clickHouseTimeToIso(d.last_seen) })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.ts, last.dev_eui, last.event, last.deduplication_id]) : null,
    };
  }
}
