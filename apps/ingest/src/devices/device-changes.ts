import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { REGISTRY_DEVICE_CHANGED_STREAM } from '@app/contracts';
import type { DeviceChangedEvent } from '@app/contracts';
import type { DeviceResolver } from './device-resolver';

/** Where the ingest service's reading of the change stream stands (shared by its instances; restart resumes here). */
export const DEVICE_CHANGES_POSITION_KEY = 'ingest:device-changes:position';

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Follows `registry.device.changed` (a Redis stream) and invalidates the resolver for each event.
 * Every instance reads every event (each has its own process cache); the position is stored in Redis
 * after each batch, so an ingest that was down starts where the last one stopped and no change is
 * missed. Invalidation is idempotent, so events read twice do no harm. Uses its own connection
 * (XREAD BLOCK holds it).
 */
export class DeviceChangeFollower {
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly reader: Redis,
    private readonly resolver: DeviceResolver,
    private readonly logger: Logger,
    private readonly blockMs = 5000,
  ) {}

  /** Starts following from the stored position (from now when none is stored); Redis errors are retried every second. */
  start(): Promise<void> {
    let position: string | undefined;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          position ??= (await this.reader.get(DEVICE_CHANGES_POSITION_KEY)) ?? (await this.lastId());
          position = await this.readOnce(position);
        } catch (error) {
          if (!this.running) break;
          this.logger.error({ err: error }, 'registry change stream read failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    })();
    return Promise.resolve();
  }

  /** Reads one batch after `position`, invalidates, stores the new position; returns it. */
  async readOnce(position: string): Promise<string> {
    const reply = (await this.reader.xread('COUNT', 500, 'BLOCK', this.blockMs, 'STREAMS', REGISTRY_DEVICE_CHANGED_STREAM, position)) as StreamReply;
    let last = position;
    for (const [, entries] of reply ?? []) {
      for (const [id, fields] of entries) {
        const json = fields[fields.indexOf('event') + 1];
        if (json) await this.resolver.invalidate(JSON.parse(json) as DeviceChangedEvent);
        last = id;
      }
    }
    if (last !== position) await this.reader.set(DEVICE_CHANGES_POSITION_KEY, last);
    return last;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.reader.disconnect();
    await this.loop;
  }

  private async lastId(): Promise<string> {
    const [entry] = (await this.reader.xrevrange(REGISTRY_DEVICE_CHANGED_STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][];
    return entry ? entry[0] : '0-0';
  }
}
