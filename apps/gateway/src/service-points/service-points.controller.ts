import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { HistoryPage, RpcClient, ServicePointMeterView, ServicePointPage, ServicePointView, SystemContract } from '@app/contracts';
import { RequireAnyPermission, RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, HistoryPageQuery } from '../history/history.dto';
import { IdParams } from '../http/id.params';
import { ServicePointDoc, ServicePointMeterDoc, ServicePointPageDoc } from './service-point.docs';
import { AttachMeterBody, CreateServicePointBody, DetachMeterBody, ListServicePointsQuery, UpdateServicePointBody } from './service-points.dto';

const SCOPED = 'A consumer user (permission self:read) gets only its own service points; any other id answers 404, like another tenant\'s.';

/** Service points of the caller's tenant and the meters serving them over time. */
@ApiTags('service-points')
@Controller('service-points')
export class ServicePointsController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequireAnyPermission('consumers:read', 'self:read')
  @ApiOperation({ summary: 'Service points of your tenant: code prefix, filters, keyset paging', description: SCOPED })
  @ApiOkResponse({ type: ServicePointPageDoc })
  list(@Query() query: ListServicePointsQuery): Promise<ServicePointPage> {
    return this.system.send(SystemPatterns.servicePointList, query);
  }

  @Post()
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Register a service point at a node, for a consumer or vacant' })
  @ApiCreatedResponse({ type: ServicePointDoc })
  create(@Body() body: CreateServicePointBody): Promise<ServicePointView> {
    return this.system.send(SystemPatterns.servicePointCreate, body);
  }

  @Get(':id')
  @RequireAnyPermission('consumers:read', 'self:read')
  @ApiOperation({ summary: 'One service point', description: SCOPED })
  @ApiOkResponse({ type: ServicePointDoc })
  get(@Param() params: IdParams): Promise<ServicePointView> {
    return this.system.send(SystemPatterns.servicePointGet, { id: params.id });
  }

  @Patch(':id')
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Change the consumer (move-in, move-out), the node, the address or the description' })
  @ApiOkResponse({ type: ServicePointDoc })
  update(@Param() params: IdParams, @Body() body: UpdateServicePointBody): Promise<ServicePointView> {
    return this.system.send(SystemPatterns.servicePointUpdate, { ...body, id: params.id });
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'Close a service point no meter serves any more' })
  @ApiOkResponse({ type: ServicePointDoc })
  close(@Param() params: IdParams): Promise<ServicePointView> {
    return this.system.send(SystemPatterns.servicePointClose, { id: params.id });
  }

  @Get(':id/meters')
  @RequireAnyPermission('consumers:read', 'self:read')
  @ApiOperation({ summary: 'The meters serving the point over time, newest first', description: SCOPED })
  @ApiOkResponse({ type: [ServicePointMeterDoc] })
  meters(@Param() params: IdParams): Promise<ServicePointMeterView[]> {
    return this.system.send(SystemPatterns.servicePointMeters, { id: params.id });
  }

  @Post(':id/meters/attach')
  @HttpCode(200)
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'A meter starts serving the point', description: 'Refused when the meter serves another point then (409) or its earlier link ends later (400).' })
  @ApiOkResponse({ type: ServicePointMeterDoc })
  attach(@Param() params: IdParams, @Body() body: AttachMeterBody): Promise<ServicePointMeterView> {
    return this.system.send(SystemPatterns.servicePointAttachMeter, { ...body, id: params.id });
  }

  @Post(':id/meters/detach')
  @HttpCode(200)
  @RequirePermissions('consumers:write')
  @ApiOperation({ summary: 'A meter stops serving the point' })
  @ApiOkResponse({ type: ServicePointMeterDoc })
  detach(@Param() params: IdParams, @Body() body: DetachMeterBody): Promise<ServicePointMeterView> {
    return this.system.send(SystemPatterns.servicePointDetachMeter, { ...body, id: params.id });
  }

  @Get(':id/history')
  @RequireAnyPermission('history:read', 'self:read')
  @ApiOperation({ summary: 'Change history of one service point, newest first', description: `${SCOPED} A consumer user sees other actors' ids and addresses as null.` })
  @ApiOkResponse({ type: HistoryPageDoc })
  history(@Param() params: IdParams, @Query() query: HistoryPageQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyEntity, { ...query, entityType: 'service_point', entityId: params.id });
  }
}
