import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule, RedisModule } from '@app/common';
import type { ProcessIdentity } from '@app/common';
import { AuthModule } from './auth/auth.module';
import { CommandsController } from './commands/commands.controller';
import type { GatewayConfig } from './config';
import { DiagnosticsController } from './diagnostics/diagnostics.controller';
import { HealthController } from './health/health.controller';
import { HealthService, healthClientsProvider } from './health/health.service';
import { IdentityModule } from './identity.module';
import { IngestApiModule } from './ingest/ingest-api.module';
import { IngestStatsController } from './ingest-stats/ingest-stats.controller';
import { RegistryModule } from './registry.module';
import { RpcClientsModule } from './rpc/rpc-clients.module';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, identity: ProcessIdentity): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        CoreModule.forApp({ ...identity, config }),
        RpcClientsModule.register(config.REDIS_URL, config.RPC_TIMEOUT_MS),
        RedisModule.forRoot(config.REDIS_URL),
        AuthModule,
        IdentityModule,
        RegistryModule,
        IngestApiModule,
      ],
      controllers: [HealthController, DiagnosticsController, IngestStatsController, CommandsController],
      providers: [HealthService, healthClientsProvider],
    };
  }
}
