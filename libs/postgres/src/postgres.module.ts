import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER, ServiceHealthService } from '@app/common';
import { createServiceDataSource, type ServiceDataSourceSettings } from './data-source';
import { hasPendingMigrations } from './migrate';
import { PostgresProbe } from './postgres-probe';

/** DI token of the service's TypeORM data source. */
export const POSTGRES = Symbol('POSTGRES');

class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(POSTGRES) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Connects the service's data source at boot (fails fast if PostgreSQL is unreachable) and adds its probe. */
@Global()
@Module({})
export class PostgresModule {
  static forService(settings: ServiceDataSourceSettings): DynamicModule {
    return {
      module: PostgresModule,
      providers: [
        {
          provide: POSTGRES,
          inject: [ServiceHealthService, LOGGER],
          useFactory: async (health: ServiceHealthService, logger: Logger) => {
            const dataSource = createServiceDataSource(settings);
            await dataSource.initialize();
            health.register(new PostgresProbe(dataSource));
            if (await hasPendingMigrations(dataSource)) {
              logger.warn({ schema: settings.schema }, 'PostgreSQL migrations are pending: run `npm run migrate`');
            }
            return dataSource;
          },
        },
        DataSourceLifecycle,
      ],
      exports: [POSTGRES],
    };
  }
}
