import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import type { BillingConfig } from './config';
import { billingDataSourceSettings } from './database/data-source';

@Module({})
export class BillingModule {
  static register(config: BillingConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        PostgresModule.forService(billingDataSourceSettings(config.DATABASE_URL)),
        MongoModule.forService(config.MONGO_URL),
      ],
      controllers: [createHealthRpcController('billing')],
    };
  }
}
