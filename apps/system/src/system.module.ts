import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import type { SystemConfig } from './config';
import { systemDataSourceSettings } from './database/data-source';

@Module({})
export class SystemModule {
  static register(config: SystemConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: SystemModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        PostgresModule.forService(systemDataSourceSettings(config.DATABASE_URL)),
        MongoModule.forService(config.MONGO_URL),
      ],
      controllers: [createHealthRpcController('system')],
    };
  }
}
