import { join, parseDateTimeUtc, sql } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { DomainError } from '@app/contracts';
import type { ReprocessRequest, ReprocessResult } from '@app/contracts';
import { ARCHIVED_PARSE_LIMITS } from '../events/dead-letter';
import { parseEvent } from '../events/parse-event';
import type { BatchProcessor, ParsedMessage } from './batch-processor';
import type { TelemetryWriter } from './telemetry-writer';
import { readingCount } from './rows';

/** Uplinks decoded and written per round. */
const PAGE = 5000;
const MAX_PERIOD_MS = 400 * 86_400_000;

/** Times come as text under other names: an alias named like its column would replace it in WHERE. */
interface ArchivedUplink {
  dev_eui: string;
  ts_text: string;
  deduplication_id: string;
  raw: string;
  received_text: string;
}

/** `application/<app>/device/<devEui>/event/up` from the archived event's own deviceInfo. */
function topicOf(raw: string, devEui: string): string | undefined {
  try {
    const applicationId = (JSON.parse(raw) as { deviceInfo?: { applicationId?: unknown } }).deviceInfo?.applicationId;
    return typeof applicationId === 'string' ? `application/${applicationId}/device/${devEui}/event/up` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `reprocess`: decodes a meter's archived uplinks of a period again, with the codec and registry entry it has now
 * (after a codec fix, a wrong codec id, a missing wM-Bus key). The meter's devices are the devEuis its status rows
 * name (every uplink of a known device writes one, decoded or not). Per page: the readings the earlier decode wrote
 * for these uplinks are deleted (a mutation applies to parts that exist when it is issued, so the rows inserted
 * next are untouched), then the uplink rows (with their new decode status, higher version), readings, status and
 * dead letters are written.
 */
export class Reprocessor {
  constructor(
    private readonly store: Pick<ClickHouseStore, 'query' | 'command'>,
    private readonly processor: BatchProcessor,
    private readonly writer: TelemetryWriter,
  ) {}

  async reprocess(request: ReprocessRequest): Promise<ReprocessResult> {
    const from = new Date(request.from);
    const to = new Date(request.to);
    if (!(to.getTime() > from.getTime())) throw new DomainError('VALIDATION_FAILED', '`to` must be after `from`', [{ field: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw new DomainError('VALIDATION_FAILED', 'the period is longer than 400 days', [{ field: 'to', message: 'at most 400 days after from' }]);
    const devices = await this.store.query<{ dev_eui: string }>(sql`
      SELECT DISTINCT dev_eui FROM device_status WHERE tenant_id = ${request.tenantId} AND device_id = ${request.meterId}`);
    const result: ReprocessResult = { uplinks: 0, decoded: 0, failed: 0, readings: 0 };
    if (devices.length === 0) return result;
    const devEuis = join(devices.map((d) => sql`${d.dev_eui}`));
    let after: { ts: string; id: string } | undefined;
    for (;;) {
      const page = await this.store.query<ArchivedUplink>(sql`
        SELECT dev_eui, toString(ts) AS ts_text, deduplication_id, raw, toString(received_at) AS received_text
        FROM uplinks FINAL
        WHERE tenant_id = ${request.tenantId} AND dev_eui IN (${devEuis}) AND event = 'up'
          AND ts >= ${from} AND ts < ${to}
          ${after ? sql`AND (ts > ${parseDateTimeUtc(after.ts)} OR (ts = ${parseDateTimeUtc(after.ts)} AND deduplication_id > ${after.id}))` : sql``}
        ORDER BY ts, deduplication_id
        LIMIT ${PAGE}`);
      if (page.length === 0) return result;
      const items: ParsedMessage[] = [];
      for (const row of page) {
        const topic = topicOf(row.raw, row.dev_eui);
        const payload = Buffer.from(row.raw, 'utf8');
        const parsed = topic ? parseEvent(topic, payload, ARCHIVED_PARSE_LIMITS) : undefined;
        if (parsed?.ok) items.push({ event: parsed.event, topic: topic as string, payload, receivedAt: parseDateTimeUtc(row.received_text).getTime() });
      }
      const decoded = await this.processor.processEvents(items, Date.now());
      const ids = join(page.map((row) => sql`${row.deduplication_id}`));
      await this.store.command(sql`ALTER TABLE readings DELETE WHERE tenant_id = ${request.tenantId} AND deduplication_id IN (${ids})`);
      await this.writer.write(decoded.rows);
      result.uplinks += page.length;
      result.readings += readingCount(decoded.rows.readings);
      for (const uplink of decoded.rows.uplinks) {
        if (uplink.decode_status === 'ok') result.decoded += 1;
        else if (uplink.decode_status === 'failed' || uplink.decode_status === 'unknown_meter') result.failed += 1;
      }
      if (page.length < PAGE) return result;
      const last = page[page.length - 1] as ArchivedUplink;
      after = { ts: last.ts_text, id: last.deduplication_id };
    }
  }
}
