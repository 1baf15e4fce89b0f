import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ClickHouseModule, clickHouseConfigFrom } from '@app/clickhouse';
import { CoreModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import type { MeteringConfig } from './config';
import { meteringDataSourceSettings } from './database/data-source';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';

@Module({})
export class MeteringModule {
  static register(config: MeteringConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: MeteringModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        PostgresModule.forService(meteringDataSourceSettings(config.DATABASE_URL)),
        ClickHouseModule.forService(clickHouseConfigFrom(config)),
        MongoModule.forService(config.MONGO_URL),
        DiagnosticsModule,
      ],
      controllers: [createHealthRpcController('metering')],
    };
  }
}
