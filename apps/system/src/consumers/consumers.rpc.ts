import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ConsumerPage, ConsumerView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { NO_CONSUMER, readScope } from '../access/read-scope';
import { CreateConsumerDto, ListConsumersDto, UpdateConsumerDto } from './dto/consumer.dto';
import { ConsumersService } from './consumers.service';

/** `system.consumer.*`: consumers of the actor's tenant; a consumer user reads only its own record. */
@Controller()
export class ConsumersRpc {
  constructor(private readonly consumers: ConsumersService) {}

  @MessagePattern(SystemPatterns.consumerList)
  list(@Payload('data') request: ListConsumersDto): Promise<ConsumerPage> {
    return this.consumers.list(readScope('consumers:read'), request);
  }

  @MessagePattern(SystemPatterns.consumerGet)
  get(@Payload('data') request: IdDto): Promise<ConsumerView> {
    return this.consumers.get(readScope('consumers:read'), request.id);
  }

  /** The caller's own consumer record (the cabinet): always scoped to the caller's consumer link. */
  @MessagePattern(SystemPatterns.consumerMine)
  mine(): Promise<ConsumerView> {
    const { actor, tenantId } = actorScope('self:read');
    const consumerId = actor.consumerId ?? NO_CONSUMER;
    return this.consumers.get({ tenantId, consumerId, actorId: actor.id }, consumerId);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.consumerCreate)
  create(@Payload('data') request: CreateConsumerDto): Promise<ConsumerView> {
    return this.consumers.create(actorScope('consumers:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.consumerUpdate)
  update(@Payload('data') request: UpdateConsumerDto): Promise<ConsumerView> {
    return this.consumers.update(actorScope('consumers:write').tenantId, request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.consumerClose)
  close(@Payload('data') request: IdDto): Promise<ConsumerView> {
    return this.consumers.close(actorScope('consumers:write').tenantId, request.id);
  }
}
