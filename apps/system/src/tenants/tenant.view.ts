import type { MeTenant, TenantView } from '@app/contracts';
import type { TenantEntity } from '../database/entities/tenant.entity';

export function toTenantView(tenant: TenantEntity): TenantView {
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, createdAt: tenant.createdAt.toISOString() };
}

export function toMeTenant(tenant: TenantEntity): MeTenant {
  return { id: tenant.id, slug: tenant.slug, name: tenant.name };
}
