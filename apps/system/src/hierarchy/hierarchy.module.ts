import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { HierarchyRepository } from './hierarchy.repository';
import { HierarchyRpc } from './hierarchy.rpc';
import { HierarchyService } from './hierarchy.service';

@Module({ imports: [HistoryModule], controllers: [HierarchyRpc], providers: [HierarchyRepository, HierarchyService], exports: [HierarchyRepository] })
export class HierarchyModule {}
