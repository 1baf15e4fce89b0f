import type { Redis } from 'ioredis';
import { COMMAND_OUTCOME_STREAM, deviceApplicationKey } from '@app/contracts';
import type { BatchResult } from './batch-processor';

const APPLICATION_TTL_SECONDS = 30 * 24 * 3600;
/** Re-set a device's application key at most this often (it changes only when a device moves application). */
const APPLICATION_REFRESH_MS = 3600_000;
/** The outcome stream is trimmed to about this many entries (metering reads it within seconds). */
const OUTCOME_STREAM_MAXLEN = 1_000_000;

/**
 * What other services learn from a batch once its rows are in ClickHouse: downlink outcomes on the
 * `ingest.command.outcome` stream (metering follows command states) and each device's ChirpStack application
 * (where metering publishes its downlinks). Runs after the insert, so a failure here fails the batch and the
 * write-ahead buffer retries it: at-least-once, which the command state machine tolerates.
 */
export class AfterCommit {
  private readonly applications = new Map<string, { applicationId: string; at: number }>();

  constructor(private readonly redis: Pick<Redis, 'pipeline' | 'quit'>) {}

  async publish(result: Pick<BatchResult, 'outcomes' | 'applications'>): Promise<void> {
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    let commands = 0;
    for (const outcome of result.outcomes) {
      pipeline.xadd(COMMAND_OUTCOME_STREAM, 'MAXLEN', '~', OUTCOME_STREAM_MAXLEN, '*', 'event', JSON.stringify(outcome));
      commands += 1;
    }
    const refreshed: Array<[string, string]> = [];
    for (const [devEui, applicationId] of result.applications) {
      const known = this.applications.get(devEui);
      if (known && known.applicationId === applicationId && now - known.at < APPLICATION_REFRESH_MS) continue;
      pipeline.set(deviceApplicationKey(devEui), applicationId, 'EX', APPLICATION_TTL_SECONDS);
      refreshed.push([devEui, applicationId]);
      commands += 1;
    }
    if (commands === 0) return;
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0] as Error;
    for (const [devEui, applicationId] of refreshed) this.applications.set(devEui, { applicationId, at: now });
  }

  /** Closes its Redis connection (at shutdown, after the last batch). */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
