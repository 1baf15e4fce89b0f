import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { GatewayView, HistoryPage, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, HistoryPageQuery } from '../history/history.dto';
import { IdParams } from '../http/id.params';
import { CreateGatewayBody, GatewayDoc, UpdateGatewayBody } from './gateways.dto';

/** Gateways and data concentrators of the caller's tenant. */
@ApiTags('gateways')
@Controller('gateways')
export class GatewaysController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'Gateways of your tenant' })
  @ApiOkResponse({ type: [GatewayDoc] })
  list(): Promise<GatewayView[]> {
    return this.system.send(SystemPatterns.gatewayList, {});
  }

  @Post()
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Register a gateway' })
  @ApiCreatedResponse({ type: GatewayDoc })
  create(@Body() body: CreateGatewayBody): Promise<GatewayView> {
    return this.system.send(SystemPatterns.gatewayCreate, body);
  }

  @Get(':id')
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'One gateway' })
  @ApiOkResponse({ type: GatewayDoc })
  get(@Param() params: IdParams): Promise<GatewayView> {
    return this.system.send(SystemPatterns.gatewayGet, { id: params.id });
  }

  @Patch(':id')
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Change a gateway' })
  @ApiOkResponse({ type: GatewayDoc })
  update(@Param() params: IdParams, @Body() body: UpdateGatewayBody): Promise<GatewayView> {
    return this.system.send(SystemPatterns.gatewayUpdate, { ...body, id: params.id });
  }

  @Delete(':id')
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Delete a gateway (its history stays)' })
  @ApiOkResponse({ type: GatewayDoc })
  delete(@Param() params: IdParams): Promise<GatewayView> {
    return this.system.send(SystemPatterns.gatewayDelete, { id: params.id });
  }

  @Get(':id/history')
  @RequirePermissions('history:read')
  @ApiOperation({ summary: 'Change history of one gateway, newest first' })
  @ApiOkResponse({ type: HistoryPageDoc })
  history(@Param() params: IdParams, @Query() query: HistoryPageQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyList, { ...query, entityType: 'gateway', entityId: params.id });
  }
}
