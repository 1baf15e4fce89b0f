import { Module } from '@nestjs/common';
import { SecretBox } from '../crypto/secret-box';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { HistoryModule } from '../history/history.module';
import { MeterLifecycleService } from './meter-lifecycle.service';
import { MetersRepository } from './meters.repository';
import { MetersRpc } from './meters.rpc';
import { MetersService } from './meters.service';

@Module({
  imports: [HistoryModule, HierarchyModule],
  controllers: [MetersRpc],
  providers: [SecretBox, MetersRepository, MetersService, MeterLifecycleService],
  exports: [MetersRepository, MetersService],
})
export class MetersModule {}
