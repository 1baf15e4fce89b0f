import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { HierarchyRepository } from './hierarchy.repository';
import { HierarchyRpc } from './hierarchy.rpc';
import { HierarchyService } from './hierarchy.service';
import { NodeOccupancy } from './node-occupancy';

@Module({ imports: [HistoryModule], controllers: [HierarchyRpc], providers: [HierarchyRepository, HierarchyService, NodeOccupancy], exports: [HierarchyRepository] })
export class HierarchyModule {}
