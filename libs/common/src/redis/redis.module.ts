import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options';

/** DI token of the process's ioredis client for caches, counters and claims (not the transport). */
export const REDIS = Symbol('REDIS');

class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Creates the ioredis client for caches and counters; commands fail fast while Redis is away. */
export function createRedisClient(redisUrl: string, keyPrefix?: string): Redis {
  const client = new Redis({ ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: 1, retryStrategy: () => 1000, ...(keyPrefix ? { keyPrefix } : {}) });
  client.on('error', () => undefined); // failures surface on the commands that need Redis
  return client;
}

/** One shared Redis client per process (auth caches, rate limits, exclusive RPC claims). */
@Global()
@Module({})
export class RedisModule {
  /** `keyPrefix` keeps tests that share a Redis server apart; the platform runs without one. */
  static forRoot(redisUrl: string, keyPrefix?: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: REDIS, useFactory: () => createRedisClient(redisUrl, keyPrefix) }, RedisLifecycle],
      exports: [REDIS],
    };
  }
}
