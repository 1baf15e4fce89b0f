import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { MeterStatus, TenantId, Utility } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { scoped } from '../access/read-scope';
import type { ReadScope } from '../access/read-scope';
import { MeterEntity } from '../database/entities/meter.entity';
import { likePrefix } from '../hierarchy/hierarchy.repository';

export type NewMeter = Omit<MeterEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;
export type MeterPatch = Partial<Omit<MeterEntity, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>>;

export interface MeterFilter {
  search?: string;
  utility?: Utility;
  status?: MeterStatus;
  vendor?: string;
  /** Materialised path of a node: meters of it and of its subtree. */
  nodePath?: string;
  /** Keyset position: meters after (serial, id). */
  after?: { serial: string; id: string };
  limit: number;
}

/** Meters of one tenant. Writes take the EntityManager of the caller's transaction (with its history row). */
@Injectable()
export class MetersRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findById(tenantId: TenantId, id: string, manager: EntityManager = this.db.manager): Promise<MeterEntity | null> {
    return manager.getRepository(MeterEntity).findOneBy({ tenantId, id });
  }

  /** The meter, when the scope may see it (a consumer user: only meters linked to its service points). */
  findVisible(scope: ReadScope, id: string): Promise<MeterEntity | null> {
    return scoped(this.db.getRepository(MeterEntity).createQueryBuilder('m'), 'm', 'meter', scope).andWhere('m.id = :id', { id }).getOne();
  }

  findByIdForUpdate(manager: EntityManager, tenantId: TenantId, id: string): Promise<MeterEntity | null> {
    return manager.getRepository(MeterEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, tenantId: TenantId, meter: NewMeter): Promise<MeterEntity> {
    await manager.getRepository(MeterEntity).insert({ ...meter, tenantId });
    const saved = await this.findById(tenantId, meter.id, manager);
    if (!saved) throw new Error('inserted meter not found');
    return saved;
  }

  async update(manager: EntityManager, tenantId: TenantId, id: string, patch: MeterPatch): Promise<MeterEntity> {
    await manager.getRepository(MeterEntity).update({ tenantId, id }, patch);
    const saved = await this.findById(tenantId, id, manager);
    if (!saved) throw new Error('updated meter not found');
    return saved;
  }

  /** One page ordered by (serial, id): each filter has an index starting with (tenant_id, <filter>, serial, id). */
  list(scope: ReadScope, filter: MeterFilter): Promise<MeterEntity[]> {
    const q = scoped(this.db.getRepository(MeterEntity).createQueryBuilder('m'), 'm', 'meter', scope).setParameter('tenantId', scope.tenantId);
    if (filter.search) {
      const prefix = likePrefix(filter.search);
      q.andWhere('(m.serial LIKE :prefix OR m.dev_eui LIKE :euiPrefix)', { prefix, euiPrefix: likePrefix(filter.search.toLowerCase()) });
    }
    if (filter.utility) q.andWhere('m.utility = :utility', { utility: filter.utility });
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    if (filter.vendor) q.andWhere('m.vendor = :vendor', { vendor: filter.vendor });
    if (filter.nodePath) {
      q.andWhere(
        'm.node_id IN (SELECT n.id FROM "system"."hierarchy_nodes" n WHERE n.tenant_id = :tenantId AND n.path LIKE :nodePrefix)',
        { nodePrefix: likePrefix(filter.nodePath) },
      );
    }
    if (filter.after) q.andWhere('(m.serial, m.id) > (:afterSerial, :afterId)', { afterSerial: filter.after.serial, afterId: filter.after.id });
    return q.orderBy('m.serial', 'ASC').addOrderBy('m.id', 'ASC').limit(filter.limit).getMany();
  }
}
