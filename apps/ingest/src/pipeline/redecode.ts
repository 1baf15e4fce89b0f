import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { parseDateTimeUtc, sql } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { DEVICE_BECAME_KNOWN } from '../devices/device-resolver';
import type { DeviceBecameKnown } from '../devices/device-resolver';
import { ARCHIVED_PARSE_LIMITS } from '../events/dead-letter';
import { parseEvent } from '../events/parse-event';
import type { AfterCommit } from './after-commit';
import type { BatchProcessor, ParsedMessage } from './batch-processor';
import type { UnassignedRow } from './rows';
import type { TelemetryWriter } from './telemetry-writer';

/** Rows read and decoded per round. */
const PAGE = 5000;
/** Wait after a registry change before reading, so batches that resolved the device just before it are written. */
const SETTLE_MS = 1500;

interface StoredUnassigned {
  dev_eui: string;
  application_id: string;
  ts_text: string;
  received_text: string;
  event: string;
  deduplication_id: string;
  f_cnt: number;
  f_port: number;
  payload_hex: string;
  topic: string;
  raw: string;
  reason: string;
  version: string;
}

/**
 * Decodes a device's `unassigned` uplinks once the registry knows it: on every "device became known" signal (a
 * registry change naming the devEui), reads its unassigned rows, runs them through the same processor as live
 * traffic (so they land in uplinks/readings/device_status exactly as if they had arrived now), and then marks
 * them assigned (a copy with assigned = 1 and a higher version). Nothing is marked before its rows are stored; a
 * crash in between only repeats the work, and the stores dedupe it. Devices are handled one at a time.
 */
export class Redecoder {
  private readonly queue = new Set<string>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly onSignal = (signal: DeviceBecameKnown) => {
    if (signal.event.devEui) this.enqueue(signal.event.devEui.toLowerCase());
  };

  constructor(
    private readonly store: Pick<ClickHouseStore, 'query' | 'insert'>,
    private readonly signals: EventEmitter,
    private readonly processor: BatchProcessor,
    private readonly writer: TelemetryWriter,
    private readonly afterCommit: AfterCommit,
    private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>,
    private readonly settleMs = SETTLE_MS,
  ) {}

  start(): void {
    this.signals.on(DEVICE_BECAME_KNOWN, this.onSignal);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signals.off(DEVICE_BECAME_KNOWN, this.onSignal);
    await this.running;
  }

  enqueue(devEui: string): void {
    this.queue.add(devEui);
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
      if (this.queue.size > 0 && !this.stopped) this.enqueue([...this.queue][0] as string);
    });
  }

  /** Decodes the device's unassigned uplinks now; answers how many were assigned. */
  async redecode(devEui: string): Promise<number> {
    let assigned = 0;
    for (;;) {
      const rows = await this.store.query<StoredUnassigned>(sql`
        SELECT dev_eui, application_id, toString(ts) AS ts_text, toString(received_at) AS received_text, event, deduplication_id,
               f_cnt, f_port, payload_hex, topic, raw, reason, toString(version) AS version
        FROM unassigned_uplinks FINAL
        WHERE dev_eui = ${devEui} AND assigned = 0
        ORDER BY ts, event, deduplication_id
        LIMIT ${PAGE}`);
      if (rows.length === 0) return assigned;
      const items: ParsedMessage[] = [];
      for (const row of rows) {
        const payload = Buffer.from(row.raw, 'utf8');
        const parsed = parseEvent(row.topic, payload, ARCHIVED_PARSE_LIMITS);
        if (parsed.ok) items.push({ event: parsed.event, topic: row.topic, payload, receivedAt: parseDateTimeUtc(row.received_text).getTime() });
      }
      const version = Date.now();
      const result = await this.processor.processEvents(items, version);
      if (result.rows.unassigned_uplinks.length > 0) return assigned; // still not a known meter of one tenant
      await this.writer.write(result.rows);
      await this.afterCommit.publish(result);
      await this.store.insert('unassigned_uplinks', rows.map((row) => this.assignedCopy(row, version)));
      assigned += rows.length;
      if (rows.length < PAGE) return assigned;
    }
  }

  private assignedCopy(row: StoredUnassigned, version: number): UnassignedRow & { raw: string } {
    return {
      dev_eui: row.dev_eui,
      application_id: row.application_id,
      ts: parseDateTimeUtc(row.ts_text),
      received_at: parseDateTimeUtc(row.received_text),
      event: row.event,
      deduplication_id: row.deduplication_id,
      f_cnt: Number(row.f_cnt),
      f_port: Number(row.f_port),
      payload_hex: row.payload_hex,
      topic: row.topic,
      raw: row.raw,
      reason: row.reason,
      assigned: 1,
      version: Math.max(version, Number(row.version) + 1),
    };
  }

  private async loop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.settleMs));
    while (this.queue.size > 0 && !this.stopped) {
      const devEui = [...this.queue][0] as string;
      this.queue.delete(devEui);
      try {
        const assigned = await this.redecode(devEui);
        if (assigned > 0) this.logger.info({ devEui, assigned }, 'decoded the uplinks of a newly registered device');
      } catch (error) {
        this.logger.error({ err: error, devEui }, 'could not decode the unassigned uplinks of a device; they stay unassigned until its next registry change');
      }
    }
  }
}
