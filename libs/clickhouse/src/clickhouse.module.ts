import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, ServiceHealthService } from '@app/common';
import { ClickHouseProbe } from './clickhouse-probe';
import { ClickHouseStore } from './client';
import type { ClickHouseConfig } from './config';

/** DI token of the service's `ClickHouseStore`. */
export const CLICKHOUSE = Symbol('CLICKHOUSE');

class ClickHouseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CLICKHOUSE) private readonly store: ClickHouseStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides the service's `ClickHouseStore` under `CLICKHOUSE` and registers its health probe. The
 * service starts even while ClickHouse is unreachable (ingest must keep buffering through an outage):
 * the probe reports it down and queries fail with their reason until it answers.
 * Schema changes are not made here: `npm run migrate` applies the migrations.
 */
@Global()
@Module({})
export class ClickHouseModule {
  static forService(config: ClickHouseConfig): DynamicModule {
    return {
      module: ClickHouseModule,
      providers: [
        {
          provide: CLICKHOUSE,
          inject: [ServiceHealthService, LOGGER],
          useFactory: async (health: ServiceHealthService, logger: Logger): Promise<ClickHouseStore> => {
            const store = new ClickHouseStore(config);
            try {
              const version = await store.serverVersion();
              logger.info({ database: store.database, serverVersion: version.text }, 'ClickHouse connected');
            } catch (error: unknown) {
              logger.error({ err: error, database: store.database }, 'ClickHouse unreachable at start; will keep trying');
            }
            health.register(new ClickHouseProbe(store));
            return store;
          },
        },
        ClickHouseLifecycle,
      ],
      exports: [CLICKHOUSE],
    };
  }
}
