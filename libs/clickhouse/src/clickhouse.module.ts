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
 * Provides the service's `ClickHouseStore` under `CLICKHOUSE` and registers its health probe. Boot asks
 * the server's version, so an unreachable ClickHouse (or a missing database) fails fast with the reason.
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
              await store.close();
              throw error;
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
