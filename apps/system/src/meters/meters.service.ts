import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CreateMeterRequest, ListMetersRequest, MeterPage, MeterView, TenantId, UpdateMeterRequest } from '@app/contracts';
import type { ReadScope } from '../access/read-scope';
import type { MeterEntity } from '../database/entities/meter.entity';
import { SecretBox } from '../crypto/secret-box';
import { RegistryEvents } from '../device-resolution/registry-events';
import { HierarchyRepository } from '../hierarchy/hierarchy.repository';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { decodeMeterCursor, encodeMeterCursor } from './meter-cursor';
import { meterConflicts, meterNotFound } from './meter-errors';
import { keyContext, newMeterRecord } from './meter-record';
import { METER_SECRET_FIELDS, meterSnapshot, toMeterView } from './meter.view';
import { MetersRepository } from './meters.repository';
import type { MeterPatch } from './meters.repository';

const DEFAULT_LIMIT = 50;

export { keyContext } from './meter-record';

/** Meters of a tenant: registration, changes and listing; every write with its history row. */
@Injectable()
export class MetersService {
  constructor(
    private readonly meters: MetersRepository,
    private readonly nodes: HierarchyRepository,
    private readonly history: HistoryRepository,
    private readonly box: SecretBox,
    private readonly events: RegistryEvents,
  ) {}

  /** The meter, when the scope may see it; NOT_FOUND otherwise (another tenant's, or not linked to the consumer user's points). */
  async get(scope: ReadScope, id: string): Promise<MeterView> {
    const meter = await this.meters.findVisible(scope, id);
    if (!meter) throw meterNotFound();
    return toMeterView(meter);
  }

  async list(scope: ReadScope, request: ListMetersRequest): Promise<MeterPage> {
    const { tenantId } = scope;
    const limit = request.limit ?? DEFAULT_LIMIT;
    let nodePath: string | undefined;
    if (request.nodeId) {
      const node = await this.nodes.findById(tenantId, request.nodeId);
      if (!node) throw meterNotFound('Hierarchy node');
      nodePath = node.path;
    }
    const after = request.cursor ? decodeMeterCursor(request.cursor) : undefined;
    const rows = await this.meters.list(scope, { search: request.search, utility: request.utility, status: request.status, vendor: request.vendor, nodePath, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toMeterView), nextCursor: rows.length > limit && last ? encodeMeterCursor(last.serial, last.id) : null };
  }

  async create(tenantId: TenantId, request: CreateMeterRequest): Promise<MeterView> {
    const view = await meterConflicts(() =>
      this.meters.transaction(async (manager) => {
        if (request.nodeId && !(await this.nodes.findById(tenantId, request.nodeId, manager))) throw meterNotFound('Hierarchy node');
        const meter = await this.meters.insert(manager, tenantId, newMeterRecord(randomUUID(), request, this.box));
        await this.history.record(manager, tenantId, { entityType: 'meter', entityId: meter.id, action: 'create', changes: diffFields(null, meterSnapshot(meter), METER_SECRET_FIELDS) });
        return toMeterView(meter);
      }),
    );
    // Committed: ingest drops its cached resolution of this devEui / wM-Bus address.
    await this.events.meterChanged(tenantId, [{ id: view.id, devEui: view.lorawan?.devEui ?? null, wmbusManufacturer: view.wmbus?.manufacturer ?? null, wmbusId: view.wmbus?.id ?? null }], 'create');
    return view;
  }

  async update(tenantId: TenantId, request: UpdateMeterRequest): Promise<MeterView> {
    let changed: MeterEntity | undefined;
    const view = await meterConflicts(() =>
      this.meters.transaction(async (manager) => {
        const meter = await this.meters.findByIdForUpdate(manager, tenantId, request.id);
        if (!meter) throw meterNotFound();
        const patch: MeterPatch = {};
        if (request.model !== undefined) patch.model = request.model;
        if (request.codecId !== undefined) patch.codecId = request.codecId;
        if (request.multiplier !== undefined) patch.multiplier = request.multiplier;
        if (request.registerUnit !== undefined) patch.registerUnit = request.registerUnit;
        if (request.joinEui !== undefined) patch.joinEui = request.joinEui?.toLowerCase() ?? null;
        if (request.appKey !== undefined) patch.appKeyEnc = this.box.seal(request.appKey.toLowerCase(), keyContext(meter.id, 'appKey'));
        if (request.aesKey !== undefined) patch.aesKeyEnc = this.box.seal(request.aesKey.toLowerCase(), keyContext(meter.id, 'aesKey'));
        if (Object.keys(patch).length === 0) return toMeterView(meter);
        const updated = await this.meters.update(manager, tenantId, meter.id, patch);
        const changes = diffFields(meterSnapshot(meter), meterSnapshot(updated), METER_SECRET_FIELDS);
        if (Object.keys(changes).length > 0) await this.history.record(manager, tenantId, { entityType: 'meter', entityId: meter.id, action: 'update', changes });
        changed = updated;
        return toMeterView(updated);
      }),
    );
    if (changed) await this.events.meterChanged(tenantId, [changed], 'update');
    return view;
  }

  /** The meter's keys in clear, for the parts of the platform that decrypt frames (never over HTTP). */
  async keysOf(tenantId: TenantId, id: string): Promise<{ appKey: string | null; aesKey: string | null }> {
    const meter = await this.meters.findById(tenantId, id);
    if (!meter) throw meterNotFound();
    return {
      appKey: meter.appKeyEnc ? this.box.open(meter.appKeyEnc, keyContext(id, 'appKey')) : null,
      aesKey: meter.aesKeyEnc ? this.box.open(meter.aesKeyEnc, keyContext(id, 'aesKey')) : null,
    };
  }
}
