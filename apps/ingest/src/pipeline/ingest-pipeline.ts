import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ServiceCondition } from '@app/common';
import type { ParseLimits } from '../events/dead-letter';
import { EVENT_NAMES } from '../events/event-types';
import type { EventName } from '../events/event-types';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import type { MqttConnection } from '../mqtt/mqtt-connection';
import { WriteAheadBuffer } from '../wal/write-ahead-buffer';
import type { WalRecord } from '../wal/types';
import type { AfterCommit } from './after-commit';
import { CODEC_REJECTED, emptyResult } from './batch-processor';
import type { BatchProcessor, BatchResult, IncomingMessage } from './batch-processor';
import { MqttIntake, SUBSCRIBED, eventSubscription } from './mqtt-intake';
import { encodeBodies } from './telemetry-writer';
import type { TableBody, TelemetryWriter } from './telemetry-writer';
import { TsvBufferPool, TsvTables } from './tsv-lines';
import { bufferedMessageRecord, decodeBufferedMessage } from './wal-record';
import { lockDirectory } from './wal-lock';

export interface PipelineSettings {
  walDir: string;
  walSync: 'always' | 'none';
  walCapacityBytes: number;
  batchMaxRecords: number;
  /** Message bytes that close a batch (default 32 MiB). */
  batchMaxBytes?: number;
  batchMaxWaitMs: number;
  shareGroup: string;
  limits: ParseLimits;
}

/** INGEST_WAL_DIR, else .data/ingest-wal/<INSTANCE_ID or host name> (stable across restarts, like the MQTT client id). */
export function walDirectory(configured: string | undefined, instanceId: string | undefined): string {
  if (configured) return resolve(configured);
  return resolve(join('.data', 'ingest-wal', (instanceId ?? hostname()).replace(/[^A-Za-z0-9_.-]/g, '_')));
}

const EVENTS = new Set<string>(EVENT_NAMES);

/** A batch ready to insert. */
interface PreparedBatch {
  result: BatchResult<TsvTables>;
  bodies: TableBody[];
}

/** The topic's event name for the received counter, without parsing the message. */
export function topicEvent(topic: string): EventName | 'other' {
  if (topic.endsWith('/event/up')) return 'up'; // nearly every message: no slice, no lookup
  const name = topic.slice(topic.lastIndexOf('/') + 1);
  return EVENTS.has(name) ? (name as EventName) : 'other';
}

/**
 * The data path: broker -> write-ahead buffer (acknowledged once durable) -> batches -> parse, resolve, decode
 * -> ClickHouse -> outcomes to Redis. Started after the application is up; stopped before the stores close.
 */
export class IngestPipeline {
  private wal: WriteAheadBuffer | undefined;
  /** Buffers of confirmed inserts, reused by the next batches' bodies. */
  private readonly bodyBuffers = new TsvBufferPool();
  private unlock: (() => Promise<void>) | undefined;
  /** The first grant of the event subscription after start (tests publish only after it). */
  subscribed: Promise<void> = new Promise(() => undefined);

  constructor(
    private readonly settings: PipelineSettings,
    private readonly mqtt: MqttConnection,
    private readonly processor: BatchProcessor,
    private readonly writer: TelemetryWriter,
    private readonly afterCommit: AfterCommit,
    private readonly metrics: IngestMetrics,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unlock = await lockDirectory(this.settings.walDir);
    const wal = await WriteAheadBuffer.open({
      dir: this.settings.walDir,
      sink: (batch, prepared) => this.drain(batch, prepared as PreparedBatch | undefined),
      // While one batch is being inserted, the next full one is parsed, decoded and encoded.
      prepare: (batch) => this.prepareBatch(batch),
      logger: this.logger,
      sync: this.settings.walSync,
      capacityBytes: this.settings.walCapacityBytes,
      batchMaxRecords: this.settings.batchMaxRecords,
      batchMaxBytes: this.settings.batchMaxBytes ?? 32 * 1024 * 1024,
      batchMaxWaitMs: this.settings.batchMaxWaitMs,
    });
    this.wal = wal;
    this.metrics.trackWal(() => wal.state());
    const state = wal.state();
    this.logger.info({ dir: this.settings.walDir, sync: this.settings.walSync, replaying: state.bufferedRecords }, 'write-ahead buffer open');
    const intake = new MqttIntake(this.mqtt.client, (topic, payload) => {
      const record = bufferedMessageRecord(topic, payload);
      return wal.appendWith(record.length, record.fill);
    }, this.logger, {
      received: (topic) => this.metrics.messageReceived(topicEvent(topic)),
      acknowledged: (lag) => this.metrics.acknowledged(lag),
    });
    this.subscribed = new Promise((resolve) => intake.events.once(SUBSCRIBED, () => resolve()));
    intake.subscribe(eventSubscription(this.settings.shareGroup));
    this.mqtt.start();
  }

  /** Health: degraded while the buffer cannot write, the drain fails (ClickHouse down) or it is full. */
  condition(): ServiceCondition {
    if (!this.wal) return { status: 'degraded', detail: 'ingest pipeline not started' };
    const state = this.wal.state();
    if (state.status === 'healthy') return { status: 'up' };
    return {
      status: 'degraded',
      detail: `write-ahead buffer: ${state.reasons.join('; ')}; ${state.bufferedRecords} messages waiting, oldest ${Math.round(state.oldestRecordAgeMs / 1000)} s`,
    };
  }

  /** Stops taking messages (unacknowledged ones stay with the broker), then finishes the batch in flight. */
  async stop(): Promise<void> {
    await this.mqtt.close();
    await this.wal?.close();
    await this.unlock?.();
  }

  /** Everything a batch needs before its inserts, without side effects: parsed, resolved, decoded, encoded. */
  private async prepareBatch(batch: readonly WalRecord[]): Promise<PreparedBatch> {
    const version = Date.now();
    const result = emptyResult(new TsvTables(this.bodyBuffers));
    const messages: IncomingMessage[] = [];
    for (const record of batch) {
      const message = decodeBufferedMessage(record.payload);
      if (message) messages.push({ topic: message.topic, payload: message.payload, receivedAt: record.appendedAt });
      else this.processor.deadLetterUnreadable(result, record.appendedAt, record.payload, version);
    }
    await this.processor.processMessages(messages, version, result);
    return { result, bodies: encodeBodies(result.rows) };
  }

  private async drain(batch: readonly WalRecord[], prepared?: PreparedBatch): Promise<void> {
    const { result, bodies } = prepared ?? (await this.prepareBatch(batch));
    await this.writer.writeBodies(bodies);
    // Every insert is confirmed (a failure rejects above, and its buffers are simply dropped).
    result.rows.release();
    await this.afterCommit.publish(result);
    this.metrics.batchHandled(batch.length);
    this.metrics.eventsStored(batch.length);
    // One increment per event name, not per event (a batch holds thousands).
    const decoded = new Map<EventName, number>();
    for (const event of result.decoded) decoded.set(event, (decoded.get(event) ?? 0) + 1);
    for (const [event, count] of decoded) this.metrics.eventDecoded(event, count);
    for (const code of result.deadLetterCodes) {
      this.metrics.deadLettered(code);
      if (code !== CODEC_REJECTED) this.metrics.decodeFailed(code);
    }
    for (const code of result.codecFailures) this.metrics.decodeFailed(code);
  }
}
