import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CoreModule, ExclusiveRpcInterceptor, RedisModule, createHealthRpcController } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { MongoModule } from '@app/mongo';
import { PostgresModule } from '@app/postgres';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { ConsumersModule } from './consumers/consumers.module';
import type { SystemConfig } from './config';
import { systemDataSourceSettings } from './database/data-source';
import { GatewaysModule } from './gateways/gateways.module';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { HistoryModule } from './history/history.module';
import { LoginEventsModule } from './login-events/login-events.module';
import { MetersModule } from './meters/meters.module';
import { PulseModulesModule } from './pulse-modules/pulse-modules.module';
import { ServicePointsModule } from './service-points/service-points.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';

@Module({})
export class SystemModule {
  static register(config: SystemConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: SystemModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        PostgresModule.forService(systemDataSourceSettings(config.DATABASE_URL)),
        MongoModule.forService(config.MONGO_URL),
        RedisModule.forRoot(config.REDIS_URL),
        TenantsModule,
        UsersModule,
        AuthModule,
        ApiKeysModule,
        LoginEventsModule,
        HistoryModule,
        HierarchyModule,
        GatewaysModule,
        MetersModule,
        PulseModulesModule,
        ConsumersModule,
        ServicePointsModule,
      ],
      controllers: [createHealthRpcController('system')],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ExclusiveRpcInterceptor }],
    };
  }
}
