import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SystemPatterns } from '@app/contracts';
import type { HistoryPage } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { ListHistoryDto } from './dto/list-history.dto';
import { HistoryService } from './history.service';

/** `system.history.list`: the change history of the actor's tenant. */
@Controller()
export class HistoryRpc {
  constructor(private readonly history: HistoryService) {}

  @MessagePattern(SystemPatterns.historyList)
  list(@Payload('data') request: ListHistoryDto): Promise<HistoryPage> {
    return this.history.list(actorScope('history:read').tenantId, request);
  }
}
