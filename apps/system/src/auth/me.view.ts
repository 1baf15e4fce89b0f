import { permissionsOfRoles } from '@app/contracts';
import type { MeView } from '@app/contracts';
import type { ApiKeyEntity } from '../database/entities/api-key.entity';
import type { TenantEntity } from '../database/entities/tenant.entity';
import type { UserEntity } from '../database/entities/user.entity';
import { toMeTenant } from '../tenants/tenant.view';

export function userMeView(user: UserEntity, tenant: TenantEntity, sessionId?: string): MeView {
  return {
    kind: 'user',
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    permissions: permissionsOfRoles(user.roles),
    ...(user.consumerId ? { consumerId: user.consumerId } : {}),
    ...(sessionId ? { sessionId } : {}),
    tenant: toMeTenant(tenant),
  };
}

export function apiKeyMeView(key: ApiKeyEntity, tenant: TenantEntity): MeView {
  return { kind: 'api_key', id: key.id, displayName: key.name, roles: [], permissions: key.permissions, tenant: toMeTenant(tenant) };
}
