import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@app/common';
import { AuthRedisKeys, DomainError, asTenantId } from '@app/contracts';
import type { CreateTenantRequest, TenantView, UpdateTenantRequest } from '@app/contracts';
import type { ActorScope } from '../access/actor-scope';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { SessionRevocation } from '../sessions/session-revocation';
import { SessionsRepository } from '../sessions/sessions.repository';
import { UsersService } from '../users/users.service';
import { toTenantView } from './tenant.view';
import { TenantsRepository } from './tenants.repository';

/** The platform administrator's view of tenants. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly revocation: SessionRevocation,
    private readonly apiKeys: ApiKeysRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async list(): Promise<TenantView[]> {
    return (await this.tenants.list()).map(toTenantView);
  }

  /** Creates a tenant, and its first administrator with it when `admin` is given (one transaction). */
  async create(request: CreateTenantRequest): Promise<TenantView> {
    const tenant = await this.tenants.transaction(async (manager) => {
      const created = await this.tenants.create({ slug: request.slug, name: request.name }, manager);
      if (request.admin) {
        await this.users.create(asTenantId(created.id), { ...request.admin, roles: ['tenant_admin'] }, 'admin.password', manager);
      }
      return created;
    });
    return toTenantView(tenant);
  }

  /** Suspending a tenant ends its sessions and drops its API keys from the gateway's cache at once. */
  async update(scope: ActorScope, request: UpdateTenantRequest): Promise<TenantView> {
    const tenantId = asTenantId(request.id);
    if (request.status === 'suspended' && tenantId === scope.tenantId) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid request: you cannot suspend your own tenant', [{ field: 'status', message: 'you cannot suspend your own tenant' }]);
    }
    const before = await this.tenants.findById(tenantId);
    if (!before) throw new DomainError('NOT_FOUND', 'Tenant not found');
    const updated = await this.tenants.update(tenantId, {
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.status ? { status: request.status } : {}),
    });
    if (!updated) throw new DomainError('NOT_FOUND', 'Tenant not found');
    if (updated.status === 'suspended' && before.status !== 'suspended') {
      await this.revocation.publish(await this.sessions.revokeAllOfTenant(tenantId, 'tenant_suspended'));
      const hashes = await this.apiKeys.hashesOfTenant(tenantId);
      if (hashes.length > 0) await this.redis.del(...hashes.map((hash) => AuthRedisKeys.apiKey(hash)));
    }
    return toTenantView(updated);
  }
}
