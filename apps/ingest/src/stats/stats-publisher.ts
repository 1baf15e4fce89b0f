import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { INGEST_STATS_KEY } from '@app/contracts';
import type { IngestInstanceStats } from '@app/contracts';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import { STATS_PRUNE_MS, entryAgeMs, instanceStats } from './instance-stats';
import { RateWindow } from './rate-window';

export interface StatsPublisherOptions {
  /** The hash field: the process identity's instance id. */
  instanceId: string;
  /** How often the entry is published (default 1 s). */
  intervalMs?: number;
  /** The rates' sliding window (default 5 s). */
  windowMs?: number;
  /** Entries older than this are deleted; the hash itself expires this long after the last publish (default 60 s). */
  pruneMs?: number;
}

/** What the publisher reads of the metrics: the running totals and the write-ahead buffer's state. */
export type StatsSource = Pick<IngestMetrics, 'totals' | 'walState'>;

/**
 * Publishes this instance's live rates to the Redis hash `INGEST_STATS_KEY` (field = instance id, value =
 * `IngestInstanceStats` JSON) about once a second, so any instance can answer `ingest.stats.get` for all.
 * Each publish also deletes entries older than `pruneMs` (instances that died without cleaning up) and
 * renews the hash's expiry, so the hash disappears when no instance runs at all. Redis failures are logged
 * once per outage and never stop the publishing; `stop()` removes this instance's entry.
 */
export class IngestStatsPublisher {
  private readonly window: RateWindow;
  private readonly intervalMs: number;
  private readonly pruneMs: number;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly source: () => StatsSource,
    private readonly options: StatsPublisherOptions,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.window = new RateWindow(options.windowMs ?? 5000);
    this.intervalMs = options.intervalMs ?? 1000;
    this.pruneMs = options.pruneMs ?? STATS_PRUNE_MS;
  }

  start(): void {
    if (this.timer) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Samples the totals, publishes the entry and prunes stale ones; answers what it published. */
  async publishOnce(): Promise<IngestInstanceStats> {
    const metrics = this.source();
    const now = this.clock();
    this.window.add(now, metrics.totals);
    const entry = instanceStats(this.options.instanceId, new Date(now), this.window.rates(), metrics.totals, metrics.walState());
    const replies = await this.redis
      .multi()
      .hset(INGEST_STATS_KEY, this.options.instanceId, JSON.stringify(entry))
      .pexpire(INGEST_STATS_KEY, this.pruneMs)
      .hgetall(INGEST_STATS_KEY)
      .exec();
    const failed = replies?.find(([error]) => error);
    if (!replies || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
    const all = (replies[2]?.[1] ?? {}) as Record<string, string>;
    const stale = Object.entries(all)
      .filter(([field, value]) => field !== this.options.instanceId && entryAgeMs(value, now) > this.pruneMs)
      .map(([field]) => field);
    // A stale instance coming back between the read and this delete loses one second's entry: it publishes again.
    if (stale.length > 0) await this.redis.hdel(INGEST_STATS_KEY, ...stale);
    return entry;
  }

  /** Stops publishing and removes this instance's entry (bounded: a Redis outage does not hold up the shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
    const removal = this.redis.hdel(INGEST_STATS_KEY, this.options.instanceId).then(
      () => undefined,
      (error: unknown) => this.logger.warn({ err: error }, 'could not remove this instance\'s live statistics (they expire in a minute)'),
    );
    await Promise.race([removal, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  private tick(): void {
    if (this.inFlight) return; // a slow Redis: skip a beat rather than pile up
    this.inFlight = this.publishOnce().then(
      () => {
        if (this.failing) this.logger.info('live statistics published again');
        this.failing = false;
      },
      (error: unknown) => {
        if (!this.failing) this.logger.warn({ err: error }, 'could not publish the live statistics; retrying every second');
        this.failing = true;
      },
    ).finally(() => {
      this.inFlight = undefined;
    });
  }
}
