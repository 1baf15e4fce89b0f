import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ConsumerPage, ConsumerView, HistoryPage, RpcClient, SystemContract } from '@app/contracts';
import { RequireAnyPermission, RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, HistoryPageQuery } from '../history/history.dto';
import { IdParams } from '../http/id.params';
import { ConsumerDoc, ConsumerPageDoc } from './consumer.docs';
import { CreateConsumerBody, ListConsumersQuery, UpdateConsumerBody } from './consumers.dto';

const SCOPED = 'A consumer user (permission self:read) gets only its own record; any other id answers 404, like another tenant\'s.';

/** Consumers of the caller's tenant. Another tenant's id, or for a consumer user anyone else's, answers 404. */
@ApiTags('consumers')
@Controller('consumers')
export class ConsumersController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequireAnyPermission('consumers:read', 'self:read')
  @ApiOperation({ summary: 'Consumers of your tenant: prefix search, filters, keyset paging', description: SCOPED })
  @ApiOkResponse({ type: ConsumerPageDoc })
  list(@Query() query: ListConsumersQuery): Promise<ConsumerPage> {
    return this.system.send(SystemPatterns.consumerList, query);
  }

  @Post()
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Register a consumer (residential or non-residential)' })
  @ApiCreatedResponse({ type: ConsumerDoc })
  create(@Body() body: CreateConsumerBody): Promise<ConsumerView> {
    return this.system.send(SystemPatterns.consumerCreate, body);
  }

  @Get(':id')
  @RequireAnyPermission('consumers:read', 'self:read')
  @ApiOperation({ summary: 'One consumer', description: SCOPED })
  @ApiOkResponse({ type: ConsumerDoc })
  get(@Param() params: IdParams): Promise<ConsumerView> {
    return this.system.send(SystemPatterns.consumerGet, { id: params.id });
  }

  @Patch(':id')
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Change name, company fields or contact data' })
  @ApiOkResponse({ type: ConsumerDoc })
  update(@Param() params: IdParams, @Body() body: UpdateConsumerBody): Promise<ConsumerView> {
    return this.system.send(SystemPatterns.consumerUpdate, { ...body, id: params.id });
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Close a consumer that holds no active service point (its record and history stay)' })
  @ApiOkResponse({ type: ConsumerDoc })
  close(@Param() params: IdParams): Promise<ConsumerView> {
    return this.system.send(SystemPatterns.consumerClose, { id: params.id });
  }

  @Get(':id/history')
  @RequireAnyPermission('history:read', 'self:read')
  @ApiOperation({ summary: 'Change history of one consumer, newest first', description: `${SCOPED} A consumer user sees other actors' ids and addresses as null.` })
  @ApiOkResponse({ type: HistoryPageDoc })
  history(@Param() params: IdParams, @Query() query: HistoryPageQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyEntity, { ...query, entityType: 'consumer', entityId: params.id });
  }
}
