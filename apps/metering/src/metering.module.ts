import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ClickHouseModule, clickHouseConfigFrom } from '@app/clickhouse';
import { CoreModule, ExclusiveRpcInterceptor, RedisModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import { CommandsModule } from './commands/commands.module';
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
        RedisModule.forRoot(config.REDIS_URL),
        DiagnosticsModule,
        CommandsModule.register({ config, instance: identity.instance }),
      ],
      controllers: [createHealthRpcController('metering')],
      // Writes (metering.command.create) run on one instance only.
      providers: [{ provide: APP_INTERCEPTOR, useClass: ExclusiveRpcInterceptor }],
    };
  }
}
