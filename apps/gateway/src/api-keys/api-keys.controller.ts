import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ApiKeyView, CreatedApiKey, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { IdParams } from '../http/id.params';
import { ApiKeyDoc, CreateApiKeyBody, CreatedApiKeyDoc } from './api-keys.dto';

/** API keys of integrations (CIS, SCADA, ERP): `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('apikeys:manage')
  @ApiOperation({ summary: 'API keys of your tenant (never their secrets)' })
  @ApiOkResponse({ type: [ApiKeyDoc] })
  list(): Promise<ApiKeyView[]> {
    return this.system.send(SystemPatterns.apiKeyList, {});
  }

  @Post()
  @RequirePermissions('apikeys:manage')
  @ApiOperation({ summary: 'Create an API key', description: 'The answer carries the key: store it now, it is never shown again.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDoc })
  create(@Body() body: CreateApiKeyBody): Promise<CreatedApiKey> {
    return this.system.send(SystemPatterns.apiKeyCreate, body);
  }

  @Delete(':id')
  @RequirePermissions('apikeys:manage')
  @ApiOperation({ summary: 'Revoke an API key (it stops working at once)' })
  @ApiOkResponse({ type: ApiKeyDoc })
  revoke(@Param() params: IdParams): Promise<ApiKeyView> {
    return this.system.send(SystemPatterns.apiKeyRevoke, { id: params.id });
  }
}
