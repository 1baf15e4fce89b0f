import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { ConsumersRepository } from './consumers.repository';
import { ConsumersRpc } from './consumers.rpc';
import { ConsumersService } from './consumers.service';

@Module({ imports: [HistoryModule], controllers: [ConsumersRpc], providers: [ConsumersRepository, ConsumersService], exports: [ConsumersRepository, ConsumersService] })
export class ConsumersModule {}
