import { Module } from '@nestjs/common';
import { ConsumersModule } from '../consumers/consumers.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { HistoryModule } from '../history/history.module';
import { MetersModule } from '../meters/meters.module';
import { EntityHistoryRpc } from './entity-history.rpc';
import { EntityHistoryService } from './entity-history.service';
import { MeterLinksService } from './meter-links.service';
import { ServicePointImportRpc } from './service-point-import.rpc';
import { ServicePointImportService } from './service-point-import.service';
import { ServicePointsBulkRepository } from './service-points-bulk.repository';
import { ServicePointsRepository } from './service-points.repository';
import { ServicePointsRpc } from './service-points.rpc';
import { ServicePointsService } from './service-points.service';

/** Service points, the meters serving them, and the consumer-scoped history of consumers, points and meters. */
@Module({
  imports: [HistoryModule, HierarchyModule, ConsumersModule, MetersModule],
  controllers: [ServicePointsRpc, EntityHistoryRpc, ServicePointImportRpc],
  providers: [ServicePointsRepository, ServicePointsService, MeterLinksService, EntityHistoryService, ServicePointsBulkRepository, ServicePointImportService],
  exports: [ServicePointsRepository, ServicePointsService],
})
export class ServicePointsModule {}
