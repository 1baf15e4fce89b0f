import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { TenantId, TenantStatus } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { TenantEntity } from '../database/entities/tenant.entity';
import { isUniqueViolation } from '../database/pg-errors';

export interface NewTenant {
  slug: string;
  name: string;
}

export interface TenantPatch {
  name?: string;
  status?: TenantStatus;
}

/**
 * Tenants are the root of every scope: they are addressed by their own id (a `TenantId`), by slug
 * at login, or listed whole by the platform administrator.
 */
@Injectable()
export class TenantsRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  findById(tenantId: TenantId): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOneBy({ id: tenantId });
  }

  /** Login names the tenant by slug: the one lookup that starts without a tenant id. */
  findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOneBy({ slug: slug.toLowerCase() });
  }

  list(): Promise<TenantEntity[]> {
    return this.db.getRepository(TenantEntity).find({ order: { createdAt: 'ASC' } });
  }

  async create(tenant: NewTenant, manager: EntityManager = this.db.manager): Promise<TenantEntity> {
    try {
      return await manager.getRepository(TenantEntity).save(manager.create(TenantEntity, { ...tenant, status: 'active' }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `A tenant with slug "${tenant.slug}" already exists`, [{ field: 'slug', message: 'slug is taken' }]);
      throw error;
    }
  }

  async update(tenantId: TenantId, patch: TenantPatch): Promise<TenantEntity | null> {
    const repository = this.db.getRepository(TenantEntity);
    const tenant = await repository.findOneBy({ id: tenantId });
    if (!tenant) return null;
    return repository.save(repository.merge(tenant, patch));
  }

  /** Runs `work` in one transaction (a tenant and its first administrator are created together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
