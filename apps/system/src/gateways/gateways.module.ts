import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { HistoryModule } from '../history/history.module';
import { GatewaysRepository } from './gateways.repository';
import { GatewaysRpc } from './gateways.rpc';
import { GatewaysService } from './gateways.service';

@Module({ imports: [HistoryModule, HierarchyModule], controllers: [GatewaysRpc], providers: [GatewaysRepository, GatewaysService] })
export class GatewaysModule {}
