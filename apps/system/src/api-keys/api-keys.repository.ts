import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, Or } from 'typeorm';
import type { Permission, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { ApiKeyEntity } from '../database/entities/api-key.entity';
import { TenantEntity } from '../database/entities/tenant.entity';

export interface NewApiKey {
  keyId: string;
  keyHash: string;
  name: string;
  permissions: Permission[];
  createdBy: string;
  expiresAt: Date | null;
}

/** A key found for authentication, with the status of its tenant. */
export interface ApiKeyForVerification {
  key: ApiKeyEntity;
  tenantActive: boolean;
}

/** How often last_used_at is written at most: a busy integration must not turn every request into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  create(tenantId: TenantId, key: NewApiKey): Promise<ApiKeyEntity> {
    const repository = this.db.getRepository(ApiKeyEntity);
    return repository.save(repository.create({ ...key, tenantId, lastUsedAt: null, revokedAt: null }));
  }

  list(tenantId: TenantId): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ where: { tenantId }, order: { createdAt: 'DESC' } });
  }

  findById(tenantId: TenantId, id: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ tenantId, id });
  }

  /** Revokes a key; returns it (revoked now or before), or null when the tenant has no such key. */
  async revoke(tenantId: TenantId, id: string): Promise<ApiKeyEntity | null> {
    await this.db.getRepository(ApiKeyEntity).update({ tenantId, id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return this.findById(tenantId, id);
  }

  /** Hashes of the tenant's keys (to drop them from the gateway's cache when the tenant is suspended). */
  async hashesOfTenant(tenantId: TenantId): Promise<string[]> {
    const rows = await this.db.getRepository(ApiKeyEntity).find({ where: { tenantId }, select: { keyHash: true } });
    return rows.map((row) => row.keyHash);
  }

  /**
   * Finds a key by its public id. The key is the credential and names its tenant itself: this is the
   * one lookup of the table that starts without a tenant id.
   */
  async findByKeyIdForVerification(keyId: string): Promise<ApiKeyForVerification | null> {
    const key = await this.db.getRepository(ApiKeyEntity).findOneBy({ keyId });
    if (!key) return null;
    const tenant = await this.db.getRepository(TenantEntity).findOneBy({ id: key.tenantId });
    return { key, tenantActive: tenant?.status === 'active' };
  }

  async touchLastUsed(tenantId: TenantId, id: string, now = new Date()): Promise<void> {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await this.db.getRepository(ApiKeyEntity).update({ tenantId, id, lastUsedAt: Or(IsNull(), LessThan(stale)) }, { lastUsedAt: now });
  }
}
