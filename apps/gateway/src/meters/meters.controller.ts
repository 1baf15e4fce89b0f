import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { HistoryPage, MeterPage, MeterView, ReplacedMeters, RpcClient, ServicePointMeterView, SystemContract } from '@app/contracts';
import { RequireAnyPermission, RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, HistoryPageQuery } from '../history/history.dto';
import { IdParams } from '../http/id.params';
import { ServicePointMeterDoc } from '../service-points/service-point.docs';
import { MeterDoc, MeterPageDoc, ReplacedMetersDoc } from './meter.docs';
import { CreateMeterBody, InstallMeterBody, ListMetersQuery, RemoveMeterBody, ReplaceMeterBody, UpdateMeterBody } from './meters.dto';

const CONSUMER_SCOPED = 'A consumer user (permission self:read) gets only the meters linked to its service points; any other id answers 404, like another tenant\'s.';

/** Meters of the caller's tenant: registration, lifecycle, history. Another tenant's meter id answers 404. */
@ApiTags('meters')
@Controller('meters')
export class MetersController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequireAnyPermission('devices:read', 'self:read')
  @ApiOperation({ summary: 'Meters of your tenant: prefix search, filters, keyset paging', description: CONSUMER_SCOPED })
  @ApiOkResponse({ type: MeterPageDoc })
  list(@Query() query: ListMetersQuery): Promise<MeterPage> {
    return this.system.send(SystemPatterns.meterList, query);
  }

  @Post()
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Register a meter (in stock)', description: 'Keys are encrypted at rest and never returned.' })
  @ApiCreatedResponse({ type: MeterDoc })
  create(@Body() body: CreateMeterBody): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterCreate, body);
  }

  @Get(':id')
  @RequireAnyPermission('devices:read', 'self:read')
  @ApiOperation({ summary: 'One meter', description: CONSUMER_SCOPED })
  @ApiOkResponse({ type: MeterDoc })
  get(@Param() params: IdParams): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterGet, { id: params.id });
  }

  @Patch(':id')
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Change model, codec, multiplier, unit or keys' })
  @ApiOkResponse({ type: MeterDoc })
  update(@Param() params: IdParams, @Body() body: UpdateMeterBody): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterUpdate, { ...body, id: params.id });
  }

  @Post(':id/install')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Install at a node with the initial index (from in stock or removed)' })
  @ApiOkResponse({ type: MeterDoc })
  install(@Param() params: IdParams, @Body() body: InstallMeterBody): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterInstall, { ...body, id: params.id });
  }

  @Post(':id/remove')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Remove an installed meter with its final index' })
  @ApiOkResponse({ type: MeterDoc })
  remove(@Param() params: IdParams, @Body() body: RemoveMeterBody): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterRemove, { ...body, id: params.id });
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Archive a meter out of service (its history stays)' })
  @ApiOkResponse({ type: MeterDoc })
  archive(@Param() params: IdParams): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterArchive, { id: params.id });
  }

  @Post(':id/replace')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @ApiOperation({ summary: 'Replace an installed meter by another', description: 'Old final index and new initial index at one instant; the new meter takes the old one\'s node.' })
  @ApiOkResponse({ type: ReplacedMetersDoc })
  replace(@Param() params: IdParams, @Body() body: ReplaceMeterBody): Promise<ReplacedMeters> {
    return this.system.send(SystemPatterns.meterReplace, { ...body, id: params.id });
  }

  @Post(':id/provision')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @ApiOperation({
    summary: 'Create the meter\'s LoRaWAN device (and keys) in ChirpStack again',
    description: 'Retries a failed provisioning (409 "already exists" in ChirpStack updates instead); for an archived meter, deletes the device. The outcome is in `provisioning`. 409 while the background worker is provisioning the meter (an import), or when ChirpStack is not configured.',
  })
  @ApiOkResponse({ type: MeterDoc })
  provision(@Param() params: IdParams): Promise<MeterView> {
    return this.system.send(SystemPatterns.meterProvision, { id: params.id });
  }

  @Get(':id/history')
  @RequireAnyPermission('history:read', 'self:read')
  @ApiOperation({ summary: 'Change history of one meter, newest first', description: `${CONSUMER_SCOPED} A consumer user sees other actors' ids and addresses as null.` })
  @ApiOkResponse({ type: HistoryPageDoc })
  history(@Param() params: IdParams, @Query() query: HistoryPageQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyEntity, { ...query, entityType: 'meter', entityId: params.id });
  }

  @Get(':id/service-points')
  @RequireAnyPermission('devices:read', 'self:read')
  @ApiOperation({ summary: 'The service points the meter served over time, newest first', description: CONSUMER_SCOPED })
  @ApiOkResponse({ type: [ServicePointMeterDoc] })
  servicePoints(@Param() params: IdParams): Promise<ServicePointMeterView[]> {
    return this.system.send(SystemPatterns.meterServicePoints, { id: params.id });
  }
}
