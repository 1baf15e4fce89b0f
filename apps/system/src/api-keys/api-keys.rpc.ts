import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { ApiKeyPrincipal, ApiKeyView, CreatedApiKey } from '@app/contracts';
import { actorScope, userScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto, VerifyApiKeyDto } from './dto/api-key.dto';

/** `system.apikey.*`: keys of the actor's tenant; `verify` is the gateway authenticating a request. */
@Controller()
export class ApiKeysRpc {
  constructor(private readonly keys: ApiKeysService) {}

  /** No actor: this is how the gateway finds out who the actor is. */
  @MessagePattern(SystemPatterns.apiKeyVerify)
  verify(@Payload('data') request: VerifyApiKeyDto): Promise<ApiKeyPrincipal> {
    return this.keys.verify(request.key);
  }

  @MessagePattern(SystemPatterns.apiKeyList)
  list(): Promise<ApiKeyView[]> {
    return this.keys.list(actorScope('apikeys:manage').tenantId);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.apiKeyCreate)
  create(@Payload('data') request: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(userScope('apikeys:manage'), request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.apiKeyRevoke)
  revoke(@Payload('data') request: IdDto): Promise<ApiKeyView> {
    return this.keys.revoke(actorScope('apikeys:manage').tenantId, request.id);
  }
}
