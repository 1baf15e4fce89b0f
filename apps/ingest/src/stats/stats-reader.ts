import type Redis from 'ioredis';
import { INGEST_STATS_KEY } from '@app/contracts';
import type { IngestStats } from '@app/contracts';
import { STATS_FRESH_MS, summarize } from './instance-stats';

/** Reads every instance's entry from the hash: the instances heard in the last `freshMs` and their sums. */
export class IngestStatsReader {
  constructor(
    private readonly redis: Redis,
    private readonly clock: () => number = Date.now,
    private readonly freshMs = STATS_FRESH_MS,
  ) {}

  async read(): Promise<IngestStats> {
    const all = await this.redis.hgetall(INGEST_STATS_KEY);
    return summarize(Object.values(all), this.clock(), this.freshMs);
  }
}
