import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER, createRedisClient } from '@app/common';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { IngestStatsPublisher } from './stats-publisher';
import type { StatsPublisherOptions } from './stats-publisher';
import { IngestStatsReader } from './stats-reader';
import { IngestStatsRpc } from './stats.rpc';

export interface StatsModuleOptions extends StatsPublisherOptions {
  redisUrl: string;
}

const STATS_REDIS = Symbol('INGEST_STATS_REDIS');

class StatsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly publisher: IngestStatsPublisher,
    @Inject(STATS_REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.publisher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.stop();
    this.redis.disconnect();
  }
}

/**
 * Live statistics: publishes this instance's rates to Redis every second (`IngestStatsPublisher`) and
 * answers `ingest.stats.get` for every instance. `IngestMetrics` comes from the global MetricsModule. Its own
 * Redis connection.
 */
@Module({})
export class StatsModule {
  static register(options: StatsModuleOptions): DynamicModule {
    return {
      module: StatsModule,
      providers: [
        { provide: STATS_REDIS, useFactory: () => createRedisClient(options.redisUrl) },
        { provide: IngestStatsReader, inject: [STATS_REDIS], useFactory: (redis: Redis) => new IngestStatsReader(redis) },
        {
          provide: IngestStatsPublisher,
          inject: [STATS_REDIS, IngestMetrics, LOGGER],
          useFactory: (redis: Redis, metrics: IngestMetrics, logger: Logger) => new IngestStatsPublisher(redis, () => metrics, options, logger),
        },
        StatsLifecycle,
      ],
      controllers: [IngestStatsRpc],
    };
  }
}
