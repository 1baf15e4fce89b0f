import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DEVICE_CACHE_LOOKUP } from '../devices/device-resolver';
import type { DeviceCacheLookup, DeviceResolver } from '../devices/device-resolver';
import { DEAD_LETTER_CODES } from '../events/dead-letter';
import { EVENT_NAMES } from '../events/event-types';
import type { EventName } from '../events/event-types';
import type { WalState } from '../wal/types';
import { ACK_LAG_BUCKETS, BATCH_SIZE_BUCKETS, INSERT_DURATION_BUCKETS, IngestMetricNames as N } from './metric-names';

/** What the WAL gauges read at scrape time (`WriteAheadBuffer.state()`). */
export type WalStateSource = () => Pick<WalState, 'bufferedBytes' | 'bufferedRecords' | 'oldestRecordAgeMs' | 'segments'>;

export interface IngestMetricsOptions {
  /** Node.js process metrics (`process_*`, `nodejs_*`) in the same registry (default true). */
  defaultMetrics?: boolean;
}

/**
 * Every metric of the ingest service, in its own registry (never prom-client's global one, so two instances,
 * e.g. two test modules, never share or collide). Label values are codes from fixed sets, never free text.
 * Counters of the known event names and dead-letter codes start at 0, so their series exist before the first message.
 */
export class IngestMetrics {
  readonly registry = new Registry();
  private readonly received: Counter<'event'>;
  private readonly decoded: Counter<'event'>;
  private readonly stored: Counter;
  /** Running totals since start, read by the live statistics (cheaper than collecting the counters). */
  readonly totals = { received: 0, stored: 0, deadLettered: 0 };
  private readonly decodeFailures: Counter<'reason'>;
  private readonly deadLetters: Counter<'reason'>;
  private readonly batchSize: Histogram;
  private readonly insertDuration: Histogram<'table'>;
  private readonly ackLag: Histogram;
  private readonly cacheHits: Counter<'level'>;
  private readonly cacheMisses: Counter;
  private walSource: WalStateSource | undefined;

  constructor(options: IngestMetricsOptions = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.received = new Counter({
      name: N.messagesReceived,
      help: 'MQTT messages received from the broker, by the topic\'s ChirpStack event name ("other" when the topic names none).',
      labelNames: ['event'],
      registers,
    });
    this.decoded = new Counter({ name: N.eventsDecoded, help: 'ChirpStack events parsed into typed events, by event name.', labelNames: ['event'], registers });
    this.stored = new Counter({ name: N.eventsStored, help: 'Events confirmed stored in ClickHouse (uplinks archive, unassigned store or dead letters).', registers });
    this.decodeFailures = new Counter({
      name: N.decodeFailures,
      help: 'Messages that could not be parsed or decoded, by reason code (a dead-letter code or a codec error code).',
      labelNames: ['reason'],
      registers,
    });
    this.deadLetters = new Counter({ name: N.deadLetters, help: 'Messages written to the dead-letter store, by reason code.', labelNames: ['reason'], registers });
    this.batchSize = new Histogram({ name: N.batchSize, help: 'Records per batch handed from the write-ahead buffer to ClickHouse.', buckets: BATCH_SIZE_BUCKETS, registers });
    this.insertDuration = new Histogram({
      name: N.insertDuration,
      help: 'Duration of one ClickHouse insert, in seconds, by table.',
      labelNames: ['table'],
      buckets: INSERT_DURATION_BUCKETS,
      registers,
    });
    this.ackLag = new Histogram({
      name: N.ackLag,
      help: 'Seconds from an MQTT message\'s arrival to its PUBACK (after the durable append to the write-ahead buffer).',
      buckets: ACK_LAG_BUCKETS,
      registers,
    });
    const source = (): WalStateSource | undefined => this.walSource;
    const wal = (name: string, help: string, read: (state: ReturnType<WalStateSource>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const state = source()?.();
          if (state) this.set(read(state));
        },
      });
    wal(N.walBufferedBytes, 'Record bytes in the write-ahead buffer not yet confirmed by ClickHouse.', (s) => s.bufferedBytes);
    wal(N.walBufferedRecords, 'Records in the write-ahead buffer not yet confirmed by ClickHouse.', (s) => s.bufferedRecords);
    wal(N.walOldestAge, 'Age in seconds of the oldest record not yet confirmed by ClickHouse; 0 when the buffer is empty.', (s) => s.oldestRecordAgeMs / 1000);
    wal(N.walSegments, 'Segment files of the write-ahead buffer on disk.', (s) => s.segments);
    this.cacheHits = new Counter({
      name: N.deviceCacheHits,
      help: 'Device resolutions answered from a cache, by level (process LRU or Redis).',
      labelNames: ['level'],
      registers,
    });
    this.cacheMisses = new Counter({ name: N.deviceCacheMisses, help: 'Device resolutions asked of the system service (missed both cache levels).', registers });
    for (const event of [...EVENT_NAMES, 'other']) this.received.inc({ event }, 0);
    for (const event of EVENT_NAMES) this.decoded.inc({ event }, 0);
    for (const reason of DEAD_LETTER_CODES) this.decodeFailures.inc({ reason }, 0);
    for (const level of ['process', 'redis']) this.cacheHits.inc({ level }, 0);
  }

  messageReceived(event: EventName | 'other'): void {
    this.received.inc({ event });
    this.totals.received += 1;
  }

  /** Events (or dead letters) confirmed by ClickHouse. */
  eventsStored(count: number): void {
    this.stored.inc(count);
    this.totals.stored += count;
  }

  eventDecoded(event: EventName, count = 1): void {
    this.decoded.inc({ event }, count);
  }

  /** `reason`: a code from a fixed set (DeadLetterCode, codec error codes), never a message. */
  decodeFailed(reason: string): void {
    this.decodeFailures.inc({ reason });
  }

  /** `reason`: a code from a fixed set, never a message. */
  deadLettered(reason: string): void {
    this.deadLetters.inc({ reason });
    this.totals.deadLettered += 1;
  }

  batchHandled(records: number): void {
    this.batchSize.observe(records);
  }

  insertTook(table: string, seconds: number): void {
    this.insertDuration.observe({ table }, seconds);
  }

  /** Starts a timer for one insert; call the returned function when it finished (resolved or failed). */
  startInsert(table: string): () => number {
    return this.insertDuration.startTimer({ table });
  }

  acknowledged(lagSeconds: number): void {
    this.ackLag.observe(lagSeconds);
  }

  /** The WAL gauges read this at every scrape; without a source (no buffer yet) they read 0. */
  trackWal(source: WalStateSource): void {
    this.walSource = source;
  }

  /**
   * The registered buffer's state now (what `trackWal`'s source answers: `wal.state()` carries `status` and
   * `reasons` too), read by the live statistics; undefined while no buffer is registered.
   */
  walState(): (ReturnType<WalStateSource> & Partial<Pick<WalState, 'status' | 'reasons'>>) | undefined {
    return this.walSource?.();
  }

  deviceLookup(lookup: DeviceCacheLookup): void {
    if (lookup.processHits > 0) this.cacheHits.inc({ level: 'process' }, lookup.processHits);
    if (lookup.redisHits > 0) this.cacheHits.inc({ level: 'redis' }, lookup.redisHits);
    if (lookup.misses > 0) this.cacheMisses.inc(lookup.misses);
  }

  /** Counts the lookups the resolver reports on its `signals` (DEVICE_CACHE_LOOKUP, one per `resolveMany`). */
  followDeviceResolver(resolver: Pick<DeviceResolver, 'signals'>): void {
    resolver.signals.on(DEVICE_CACHE_LOOKUP, (lookup: DeviceCacheLookup) => this.deviceLookup(lookup));
  }

  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
