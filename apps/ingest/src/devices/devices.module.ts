import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER, createRedisClient, createRedisClientProxy, createRpcClient } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import { DeviceRedisCache } from './device-cache';
import { DeviceChangeFollower } from './device-changes';
import { DEFAULT_RESOLVER_OPTIONS, DeviceResolver } from './device-resolver';
import type { DeviceResolverOptions } from './device-resolver';

const SYSTEM_PROXY = Symbol('INGEST_SYSTEM_PROXY');
const CACHE_REDIS = Symbol('INGEST_DEVICE_CACHE_REDIS');

export interface DevicesModuleOptions {
  redisUrl: string;
  rpcTimeoutMs: number;
  resolver?: Partial<DeviceResolverOptions>;
}

class DevicesLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly follower: DeviceChangeFollower,
    @Inject(SYSTEM_PROXY) private readonly proxy: ClientProxy,
    @Inject(CACHE_REDIS) private readonly redis: Redis,
  ) {}

  /** Follows registry changes in the background; a Redis outage is retried by the follower, never fatal. */
  onApplicationBootstrap(): Promise<void> {
    return this.follower.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower.stop();
    await this.proxy.close();
    this.redis.disconnect();
  }
}

/**
 * Device resolution for ingest: `DeviceResolver` (process LRU, Redis cache, `system.device.resolve`
 * for misses) kept fresh by the `registry.device.changed` stream. Its own Redis connections: one for
 * the cache, one held by the stream's blocking read.
 */
@Module({})
export class DevicesModule {
  static register(options: DevicesModuleOptions): DynamicModule {
    return {
      global: true,
      module: DevicesModule,
      providers: [
        { provide: SYSTEM_PROXY, useFactory: () => createRedisClientProxy(options.redisUrl) },
        { provide: CACHE_REDIS, useFactory: () => createRedisClient(options.redisUrl) },
        {
          provide: DeviceResolver,
          inject: [SYSTEM_PROXY, CACHE_REDIS],
          useFactory: (proxy: ClientProxy, redis: Redis) => {
            const system = createRpcClient('system', proxy, 'ingest', options.rpcTimeoutMs);
            return new DeviceResolver((request) => system.send(SystemPatterns.deviceResolve, request), new DeviceRedisCache(redis), { ...DEFAULT_RESOLVER_OPTIONS, ...options.resolver });
          },
        },
        {
          provide: DeviceChangeFollower,
          inject: [DeviceResolver, LOGGER],
          useFactory: (resolver: DeviceResolver, logger: Logger) => new DeviceChangeFollower(createRedisClient(options.redisUrl), resolver, logger),
        },
        DevicesLifecycle,
      ],
      exports: [DeviceResolver],
    };
  }
}
