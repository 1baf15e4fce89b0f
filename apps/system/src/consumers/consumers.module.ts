import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { ConsumerImportRpc } from './consumer-import.rpc';
import { ConsumerImportService } from './consumer-import.service';
import { ConsumersBulkRepository } from './consumers-bulk.repository';
import { ConsumersRepository } from './consumers.repository';
import { ConsumersRpc } from './consumers.rpc';
import { ConsumersService } from './consumers.service';

@Module({ imports: [HistoryModule], controllers: [ConsumersRpc, ConsumerImportRpc], providers: [ConsumersRepository, ConsumersService, ConsumersBulkRepository, ConsumerImportService], exports: [ConsumersRepository, ConsumersService, ConsumersBulkRepository] })
export class ConsumersModule {}
