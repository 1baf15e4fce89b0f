import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { HistoryModule } from '../history/history.module';
import { GatewayImportService } from './gateway-import.service';
import { GatewaysRepository } from './gateways.repository';
import { GatewaysRpc } from './gateways.rpc';
import { GatewaysService } from './gateways.service';

@Module({ imports: [HistoryModule, HierarchyModule], controllers: [GatewaysRpc], providers: [GatewaysRepository, GatewaysService, GatewayImportService] })
export class GatewaysModule {}
