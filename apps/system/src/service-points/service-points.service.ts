import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { CreateServicePointRequest, ListServicePointsRequest, ServicePointPage, ServicePointView, TenantId, UpdateServicePointRequest } from '@app/contracts';
import type { ReadScope } from '../access/read-scope';
import { ConsumersRepository } from '../consumers/consumers.repository';
import type { ServicePointEntity } from '../database/entities/service-point.entity';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { HierarchyRepository } from '../hierarchy/hierarchy.repository';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { validateNewServicePoint, validateServicePointPatch } from './service-point-rules';
import type { ServicePointFieldsPatch } from './service-point-rules';
import { servicePointSnapshot, toServicePointView } from './service-point.view';
import { ServicePointsRepository, servicePointConflicts } from './service-points.repository';

const DEFAULT_LIMIT = 50;

export const notFound = (what = 'Service point'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);

/** Service points of a tenant: registration, moves between consumers and nodes, closing; every write with its history row. */
@Injectable()
export class ServicePointsService {
  constructor(
    private readonly points: ServicePointsRepository,
    private readonly consumers: ConsumersRepository,
    private readonly nodes: HierarchyRepository,
    private readonly history: HistoryRepository,
  ) {}

  async get(scope: ReadScope, id: string): Promise<ServicePointView> {
    const point = await this.points.findVisible(scope, id);
    if (!point) throw notFound();
    return toServicePointView(point);
  }

  async list(scope: ReadScope, request: ListServicePointsRequest): Promise<ServicePointPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const after = request.cursor ? decodeKeysetCursor(request.cursor) : undefined;
    const rows = await this.points.list(scope, {
      search: request.search?.trim() || undefined,
      consumerId: request.consumerId,
      nodeId: request.nodeId,
      utility: request.utility,
      status: request.status,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toServicePointView), nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.code, last.id) : null };
  }

  create(tenantId: TenantId, request: CreateServicePointRequest): Promise<ServicePointView> {
    const fields = validateNewServicePoint(request);
    return servicePointConflicts(() =>
      this.points.transaction(async (manager) => {
        await this.assertReferences(manager, tenantId, fields);
        const point = await this.points.insert(manager, tenantId, { id: randomUUID(), ...fields });
        await this.history.record(manager, tenantId, { entityType: 'service_point', entityId: point.id, action: 'create', changes: diffFields(null, servicePointSnapshot(point)) });
        return toServicePointView(point);
      }),
    );
  }

  /** Changes the consumer (move-in, move-out), the node, the address or the description. */
  update(tenantId: TenantId, request: UpdateServicePointRequest): Promise<ServicePointView> {
    const { id, ...changes } = request;
    const patch = validateServicePointPatch(changes);
    return this.points.transaction(async (manager) => {
      const point = await this.locked(manager, tenantId, id);
      await this.assertReferences(manager, tenantId, patch);
      if (Object.keys(patch).length === 0) return toServicePointView(point);
      const updated = await this.points.update(manager, tenantId, id, patch);
      const diff = diffFields(servicePointSnapshot(point), servicePointSnapshot(updated));
      if (Object.keys(diff).length > 0) await this.history.record(manager, tenantId, { entityType: 'service_point', entityId: id, action: 'update', changes: diff });
      return toServicePointView(updated);
    });
  }

  /** Closes a point no meter serves any more; the record, its links and its history stay. */
  close(tenantId: TenantId, id: string): Promise<ServicePointView> {
    return this.points.transaction(async (manager) => {
      const point = await this.locked(manager, tenantId, id);
      if (point.status === 'closed') throw new DomainError('CONFLICT', 'The service point is closed already');
      if (await this.points.hasOpenLinks(manager, tenantId, id)) throw new DomainError('CONFLICT', 'Meters still serve the service point; detach them first');
      const updated = await this.points.update(manager, tenantId, id, { status: 'closed' });
      await this.history.record(manager, tenantId, { entityType: 'service_point', entityId: id, action: 'close', changes: diffFields(servicePointSnapshot(point), servicePointSnapshot(updated)) });
      return toServicePointView(updated);
    });
  }

  async locked(manager: EntityManager, tenantId: TenantId, id: string): Promise<ServicePointEntity> {
    const point = await this.points.findByIdForUpdate(manager, tenantId, id);
    if (!point) throw notFound();
    return point;
  }

  /** The consumer (active) and the node named by a new point or a patch exist in the tenant. */
  private async assertReferences(manager: EntityManager, tenantId: TenantId, fields: ServicePointFieldsPatch): Promise<void> {
    if (fields.consumerId) {
      const consumer = await this.consumers.findById(tenantId, fields.consumerId, manager);
      if (!consumer) throw notFound('Consumer');
      if (consumer.status === 'closed') throw new DomainError('VALIDATION_FAILED', 'Invalid request: consumerId', [{ field: 'consumerId', message: 'the consumer is closed' }]);
    }
    if (fields.nodeId && !(await this.nodes.findById(tenantId, fields.nodeId, manager))) throw notFound('Hierarchy node');
  }
}
