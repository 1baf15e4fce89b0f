import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { RpcClient, SystemContract, TenantView } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { IdParams } from '../http/id.params';
import { CreateTenantBody, TenantDoc, UpdateTenantBody } from './tenants.dto';

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('tenants:manage')
  @ApiOperation({ summary: 'Every tenant of the platform (platform administrator)' })
  @ApiOkResponse({ type: [TenantDoc] })
  list(): Promise<TenantView[]> {
    return this.system.send(SystemPatterns.tenantList, {});
  }

  @Post()
  @RequirePermissions('tenants:manage')
  @ApiOperation({ summary: 'Create a tenant, optionally with its first administrator' })
  @ApiCreatedResponse({ type: TenantDoc })
  create(@Body() body: CreateTenantBody): Promise<TenantView> {
    return this.system.send(SystemPatterns.tenantCreate, body);
  }

  @Patch(':id')
  @RequirePermissions('tenants:manage')
  @ApiOperation({ summary: 'Rename, suspend or reactivate a tenant' })
  @ApiOkResponse({ type: TenantDoc })
  update(@Param() params: IdParams, @Body() body: UpdateTenantBody): Promise<TenantView> {
    return this.system.send(SystemPatterns.tenantUpdate, { id: params.id, ...body });
  }
}
