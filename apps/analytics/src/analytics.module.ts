import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ClickHouseModule, clickHouseConfigFrom } from '@app/clickhouse';
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
        ClickHouseModule.forService(clickHouseConfigFrom(config)),
        MongoModule.forService(config.MONGO_URL),
      ],
      controllers: [createHealthRpcController('analytics')],
    };
  }
}
