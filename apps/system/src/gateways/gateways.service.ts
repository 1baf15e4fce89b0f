import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { CreateGatewayRequest, GatewayView, TenantId, UpdateGatewayRequest } from '@app/contracts';
import { isUniqueViolation } from '../database/pg-errors';
import { HierarchyRepository } from '../hierarchy/hierarchy.repository';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { newGatewayRecord } from './gateway-record';
import { gatewaySnapshot, toGatewayView } from './gateway.view';
import { GatewaysRepository } from './gateways.repository';
import type { GatewayPatch } from './gateways.repository';

const notFound = (what = 'Gateway') => new DomainError('NOT_FOUND', `${what} not found`);

async function euiUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'gateways_tenant_eui_key')) throw new DomainError('CONFLICT', 'A gateway with this EUI already exists');
    throw error;
  }
}

/** Gateways and data concentrators of a tenant; every write with its history row. */
@Injectable()
export class GatewaysService {
  constructor(
    private readonly gateways: GatewaysRepository,
    private readonly nodes: HierarchyRepository,
    private readonly history: HistoryRepository,
  ) {}

  async list(tenantId: TenantId): Promise<GatewayView[]> {
    return (await this.gateways.list(tenantId)).map(toGatewayView);
  }

  async get(tenantId: TenantId, id: string): Promise<GatewayView> {
    const gateway = await this.gateways.findById(tenantId, id);
    if (!gateway) throw notFound();
    return toGatewayView(gateway);
  }

  create(tenantId: TenantId, request: CreateGatewayRequest): Promise<GatewayView> {
    return euiUnique(() =>
      this.gateways.transaction(async (manager) => {
        if (request.nodeId && !(await this.nodes.findById(tenantId, request.nodeId, manager))) throw notFound('Hierarchy node');
        const gateway = await this.gateways.insert(manager, tenantId, newGatewayRecord(randomUUID(), request));
        await this.history.record(manager, tenantId, { entityType: 'gateway', entityId: gateway.id, action: 'create', changes: diffFields(null, gatewaySnapshot(gateway)) });
        return toGatewayView(gateway);
      }),
    );
  }

  update(tenantId: TenantId, request: UpdateGatewayRequest): Promise<GatewayView> {
    return this.gateways.transaction(async (manager) => {
      const gateway = await this.gateways.findByIdForUpdate(manager, tenantId, request.id);
      if (!gateway) throw notFound();
      if (request.nodeId && !(await this.nodes.findById(tenantId, request.nodeId, manager))) throw notFound('Hierarchy node');
      const { id: _id, ...fields } = request;
      const patch: GatewayPatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (Object.keys(patch).length === 0) return toGatewayView(gateway);
      const updated = await this.gateways.update(manager, tenantId, gateway.id, patch);
      const changes = diffFields(gatewaySnapshot(gateway), gatewaySnapshot(updated));
      if (Object.keys(changes).length > 0) await this.history.record(manager, tenantId, { entityType: 'gateway', entityId: gateway.id, action: 'update', changes });
      return toGatewayView(updated);
    });
  }

  delete(tenantId: TenantId, id: string): Promise<GatewayView> {
    return this.gateways.transaction(async (manager) => {
      const gateway = await this.gateways.findByIdForUpdate(manager, tenantId, id);
      if (!gateway) throw notFound();
      await this.gateways.delete(manager, tenantId, id);
      await this.history.record(manager, tenantId, { entityType: 'gateway', entityId: id, action: 'delete', changes: diffFields(gatewaySnapshot(gateway), null) });
      return toGatewayView(gateway);
    });
  }
}
