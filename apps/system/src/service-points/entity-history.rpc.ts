import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SystemPatterns } from '@app/contracts';
import type { HistoryPage } from '@app/contracts';
import { readScope } from '../access/read-scope';
import { EntityHistoryDto } from './dto/entity-history.dto';
import { EntityHistoryService } from './entity-history.service';

/** `system.history.entity`: the history of one consumer, service point or meter the actor may see. */
@Controller()
export class EntityHistoryRpc {
  constructor(private readonly history: EntityHistoryService) {}

  @MessagePattern(SystemPatterns.historyEntity)
  list(@Payload('data') request: EntityHistoryDto): Promise<HistoryPage> {
    return this.history.list(readScope('history:read'), request);
  }
}
