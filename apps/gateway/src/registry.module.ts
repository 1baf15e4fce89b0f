import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '@app/common';
import { ConsumersBulkController } from './bulk/consumers-bulk.controller';
import { GatewaysBulkController } from './bulk/gateways-bulk.controller';
import { MetersBulkController } from './bulk/meters-bulk.controller';
import { ServicePointsBulkController } from './bulk/service-points-bulk.controller';
import type { GatewayConfig } from './config';
import { ConsumersController } from './consumers/consumers.controller';
import { MeController } from './consumers/me.controller';
import { GatewaysController } from './gateways/gateways.controller';
import { HierarchyController } from './hierarchy/hierarchy.controller';
import { HistoryController } from './history/history.controller';
import { MetersController } from './meters/meters.controller';
import { PulseModulesController } from './pulse-modules/pulse-modules.controller';
import { ServicePointsController } from './service-points/service-points.controller';

/** REST endpoints of the registry (hierarchy, devices) and its change history; each forwards to the system service. */
@Module({
  imports: [
    // Import files are read into memory up to IMPORT_MAX_BYTES (larger: 413), one file per request.
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: GatewayConfig) => ({ limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1 } }) }),
  ],
  // The bulk controllers come before the entity controllers: `GET /meters/export` must not reach `GET /meters/:id`.
  controllers: [HistoryController, HierarchyController, GatewaysBulkController, GatewaysController, MetersBulkController, MetersController, PulseModulesController, ConsumersBulkController, ConsumersController, ServicePointsBulkController, ServicePointsController, MeController],
})
export class RegistryModule {}
