import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ClickHouseModule } from '@app/clickhouse';
import { CoreModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import type { AnalyticsConfig } from './config';
import { analyticsDataSourceSettings } from './database/data-source';

@Module({})
export class AnalyticsModule {
  static register(config: AnalyticsConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        PostgresModule.forService(analyticsDataSourceSettings(config.DATABASE_URL)),
        ClickHouseModule.forService({
          url: config.CLICKHOUSE_URL,
          database: config.CLICKHOUSE_DB,
          username: config.CLICKHOUSE_USER,
          password: config.CLICKHOUSE_PASSWORD,
        }),
        MongoModule.forService(config.MONGO_URL),
      ],
      controllers: [createHealthRpcController('analytics')],
    };
  }
}
