import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { MetersModule } from '../meters/meters.module';
import { PulseModulesRepository } from './pulse-modules.repository';
import { PulseModulesRpc } from './pulse-modules.rpc';
import { PulseModulesService } from './pulse-modules.service';

@Module({ imports: [HistoryModule, MetersModule], controllers: [PulseModulesRpc], providers: [PulseModulesRepository, PulseModulesService] })
export class PulseModulesModule {}
