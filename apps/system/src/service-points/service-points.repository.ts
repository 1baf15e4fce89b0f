import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { ServicePointStatus, TenantId, Utility } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { scoped, tenantScope } from '../access/read-scope';
import type { ReadScope } from '../access/read-scope';
import { ServicePointMeterEntity } from '../database/entities/service-point-meter.entity';
import { ServicePointEntity } from '../database/entities/service-point.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { likePrefix } from '../hierarchy/hierarchy.repository';
import type { ServicePointFields, ServicePointFieldsPatch } from './service-point-rules';

export type NewServicePoint = ServicePointFields & { id: string };
export type ServicePointPatch = ServicePointFieldsPatch & { status?: ServicePointStatus };

export interface ServicePointFilter {
  /** Prefix of the code. */
  search?: string;
  consumerId?: string;
  nodeId?: string;
  utility?: Utility;
  status?: ServicePointStatus;
  /** Keyset position: points after (code, id). */
  after?: { key: string; id: string };
  limit: number;
}

/** A duplicate code, or a second open link of a meter, is a conflict, not a database error. */
export async function servicePointConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'service_points_tenant_code_key')) {
      throw new DomainError('CONFLICT', 'A service point with this code already exists', [{ field: 'code', message: 'is taken' }]);
    }
    if (isUniqueViolation(error, 'service_point_meters_open_key')) throw new DomainError('CONFLICT', 'The meter still serves a service point; detach it first');
    throw error;
  }
}

/**
 * Service points of one tenant and the meters serving them over time. Reads take a ReadScope (a
 * consumer user sees only its own points and their links); writes the caller's transaction.
 */
@Injectable()
export class ServicePointsRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findVisible(scope: ReadScope, id: string, manager: EntityManager = this.db.manager): Promise<ServicePointEntity | null> {
    return scoped(manager.getRepository(ServicePointEntity).createQueryBuilder('p'), 'p', 'service_point', scope).andWhere('p.id = :id', { id }).getOne();
  }

  findById(tenantId: TenantId, id: string, manager: EntityManager = this.db.manager): Promise<ServicePointEntity | null> {
    return this.findVisible(tenantScope(tenantId), id, manager);
  }

  findByIdForUpdate(manager: EntityManager, tenantId: TenantId, id: string): Promise<ServicePointEntity | null> {
    return manager.getRepository(ServicePointEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findByCode(tenantId: TenantId, code: string, manager: EntityManager = this.db.manager): Promise<ServicePointEntity | null> {
    return manager.getRepository(ServicePointEntity).findOneBy({ tenantId, code });
  }

  async insert(manager: EntityManager, tenantId: TenantId, point: NewServicePoint): Promise<ServicePointEntity> {
    await manager.getRepository(ServicePointEntity).insert({ ...point, tenantId, status: 'active' });
    const saved = await this.findById(tenantId, point.id, manager);
    if (!saved) throw new Error('inserted service point not found');
    return saved;
  }

  async update(manager: EntityManager, tenantId: TenantId, id: string, patch: ServicePointPatch): Promise<ServicePointEntity> {
    await manager.getRepository(ServicePointEntity).update({ tenantId, id }, patch);
    const saved = await this.findById(tenantId, id, manager);
    if (!saved) throw new Error('updated service point not found');
    return saved;
  }

  /** One page ordered by (code, id), within the scope. */
  list(scope: ReadScope, filter: ServicePointFilter): Promise<ServicePointEntity[]> {
    const q = scoped(this.db.getRepository(ServicePointEntity).createQueryBuilder('p'), 'p', 'service_point', scope);
    if (filter.search) q.andWhere('p.code LIKE :prefix', { prefix: likePrefix(filter.search) });
    if (filter.consumerId) q.andWhere('p.consumer_id = :consumerId', { consumerId: filter.consumerId });
    if (filter.nodeId) q.andWhere('p.node_id = :nodeId', { nodeId: filter.nodeId });
    if (filter.utility) q.andWhere('p.utility = :utility', { utility: filter.utility });
    if (filter.status) q.andWhere('p.status = :status', { status: filter.status });
    if (filter.after) q.andWhere('(p.code, p.id) > (:afterKey, :afterId)', { afterKey: filter.after.key, afterId: filter.after.id });
    return q.orderBy('p.code', 'ASC').addOrderBy('p.id', 'ASC').limit(filter.limit).getMany();
  }

  /** The meters serving a point over time (newest first), within the scope. */
  metersOfPoint(scope: ReadScope, servicePointId: string): Promise<ServicePointMeterEntity[]> {
    return scoped(this.db.getRepository(ServicePointMeterEntity).createQueryBuilder('l'), 'l', 'service_point_meter', scope)
      .andWhere('l.service_point_id = :servicePointId', { servicePointId })
      .orderBy('l.valid_from', 'DESC')
      .getMany();
  }

  /** The points a meter served over time (newest first), within the scope: a consumer sees only its own points' links. */
  pointsOfMeter(scope: ReadScope, meterId: string): Promise<ServicePointMeterEntity[]> {
    return scoped(this.db.getRepository(ServicePointMeterEntity).createQueryBuilder('l'), 'l', 'service_point_meter', scope)
      .andWhere('l.meter_id = :meterId', { meterId })
      .orderBy('l.valid_from', 'DESC')
      .getMany();
  }

  /** Every link of a meter (for the overlap check; the caller holds the meter's lock). */
  linksOfMeter(manager: EntityManager, tenantId: TenantId, meterId: string): Promise<ServicePointMeterEntity[]> {
    return manager.getRepository(ServicePointMeterEntity).find({ where: { tenantId, meterId }, order: { validFrom: 'ASC' } });
  }

  openLink(manager: EntityManager, tenantId: TenantId, servicePointId: string, meterId: string): Promise<ServicePointMeterEntity | null> {
    return manager.getRepository(ServicePointMeterEntity).findOne({ where: { tenantId, servicePointId, meterId, validTo: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  async hasOpenLinks(manager: EntityManager, tenantId: TenantId, servicePointId: string): Promise<boolean> {
    return (await manager.getRepository(ServicePointMeterEntity).countBy({ tenantId, servicePointId, validTo: IsNull() })) > 0;
  }

  async insertLink(manager: EntityManager, tenantId: TenantId, link: { id: string; servicePointId: string; meterId: string; validFrom: Date }): Promise<ServicePointMeterEntity> {
    const repository = manager.getRepository(ServicePointMeterEntity);
    await repository.insert({ ...link, tenantId, validTo: null });
    const saved = await repository.findOneBy({ tenantId, id: link.id });
    if (!saved) throw new Error('inserted link not found');
    return saved;
  }

  async closeLink(manager: EntityManager, tenantId: TenantId, id: string, validTo: Date): Promise<ServicePointMeterEntity> {
    const repository = manager.getRepository(ServicePointMeterEntity);
    await repository.update({ tenantId, id }, { validTo });
    const saved = await repository.findOneBy({ tenantId, id });
    if (!saved) throw new Error('closed link not found');
    return saved;
  }
}
