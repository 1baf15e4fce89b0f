import { Inject, Injectable } from '@nestjs/common';
import { CLICKHOUSE } from '@app/clickhouse';
import type { ClickHouseReader } from './clickhouse-reader';
import type { DeadLetter, DeadLetterCounts, DeadLetterCountsRequest, DeadLetterPage, ListDeadLettersRequest } from '@app/contracts';
import { countDeadLettersQuery, listDeadLettersQuery } from './dead-letters.queries';
import type { DeadLetterKey, DeadLetterRow } from './dead-letters.queries';
import { DATETIME_TEXT, PLAIN_TEXT, UUID_TEXT, decodeCursor, encodeCursor } from './keyset-cursor';
import { periodOf } from './period';
import { utf8TextOf } from './raw-text';
import { clickHouseTimeToIso } from './time';

/** Messages nobody owns are stored under the nil UUID (the column is not Nullable); they answer tenantId null. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_LIMIT = 100;

const CURSOR_SHAPE = [DATETIME_TEXT, UUID_TEXT, PLAIN_TEXT] as const;

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    receivedAt: clickHouseTimeToIso(row.received_at),
    topic: row.topic,
    devEui: row.dev_eui || null,
    event: row.event || null,
    tenantId: row.tenant_id === NOBODY ? null : row.tenant_id,
    code: row.code,
    field: row.field,
    message: row.message,
    raw: utf8TextOf(row.raw_base64),
    rawBase64: row.raw_base64,
  };
}

/** Reads `dead_letters` (already scoped: `tenantId` is what the caller may see). */
@Injectable()
export class DeadLettersReader {
  constructor(@Inject(CLICKHOUSE) private readonly store: ClickHouseReader) {}

  async list(request: ListDeadLettersRequest): Promise<DeadLetterPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const after = request.cursor === undefined ? null : (decodeCursor(request.cursor, CURSOR_SHAPE) as DeadLetterKey);
    const filter = { ...periodOf(request.from, request.to), tenantId: request.tenantId, code: request.code, devEui: request.devEui };
    const rows = await this.store.query<DeadLetterRow>(listDeadLettersQuery(filter, limit + 1, after));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toDeadLetter),
      nextCursor: rows.length > limit && last ? encodeCursor([last.received_at, last.tenant_id, last.id]) : null,
    };
  }

  async counts(request: DeadLetterCountsRequest): Promise<DeadLetterCounts> {
    const rows = await this.store.query<{ code: string; n: string }>(countDeadLettersQuery({ ...periodOf(request.from, request.to), tenantId: request.tenantId }));
    const byCode: Record<string, number> = {};
    for (const row of rows) byCode[row.code] = Number(row.n);
    return { total: Object.values(byCode).reduce((sum, n) => sum + n, 0), byCode };
  }
}
