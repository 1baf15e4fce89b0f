import Redis from 'ioredis';
import type { StoreHealth } from '@app/contracts';
import type { StoreProbe } from '../health/store-probe';
import { timedProbe } from '../health/store-probe';
import { redisOptionsFromUrl } from './redis-options';

/** PINGs Redis over a dedicated connection that fails fast instead of queueing commands. */
export class RedisProbe implements StoreProbe {
  readonly store = 'redis' as const;
  readonly required = true;
  private readonly client: Redis;

  constructor(redisUrl: string, private readonly timeoutMs = 1000) {
    this.client = new Redis({
      ...redisOptionsFromUrl(redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: timeoutMs,
      retryStrategy: () => 1000,
    });
    this.client.on('error', () => undefined); // state is reported by probe(), not thrown at random
  }

  probe(): Promise<StoreHealth> {
    return timedProbe(this.timeoutMs, async () => {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      const answer = await this.client.ping();
      if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
    });
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
