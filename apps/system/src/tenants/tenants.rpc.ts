import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { TenantView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { CreateTenantDto, UpdateTenantDto } from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

/** `system.tenant.*`: the platform administrator's (tenants:manage). */
@Controller()
export class TenantsRpc {
  constructor(private readonly tenants: TenantsService) {}

  @MessagePattern(SystemPatterns.tenantList)
  list(): Promise<TenantView[]> {
    actorScope('tenants:manage');
    return this.tenants.list();
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.tenantCreate)
  create(@Payload('data') request: CreateTenantDto): Promise<TenantView> {
    actorScope('tenants:manage');
    return this.tenants.create(request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.tenantUpdate)
  update(@Payload('data') request: UpdateTenantDto): Promise<TenantView> {
    return this.tenants.update(actorScope('tenants:manage'), request);
  }
}
