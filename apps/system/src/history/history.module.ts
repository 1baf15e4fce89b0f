import { Module } from '@nestjs/common';
import { HistoryRepository } from './history.repository';
import { HistoryRpc } from './history.rpc';
import { HistoryService } from './history.service';

@Module({ controllers: [HistoryRpc], providers: [HistoryRepository, HistoryService], exports: [HistoryRepository] })
export class HistoryModule {}
