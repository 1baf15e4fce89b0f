import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { HistoryAction, InstallMeterRequest, MeterView, RemoveMeterRequest, ReplaceMeterRequest, ReplacedMeters, TenantId } from '@app/contracts';
import type { MeterEntity } from '../database/entities/meter.entity';
import { RegistryEvents } from '../device-resolution/registry-events';
import { HierarchyRepository } from '../hierarchy/hierarchy.repository';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { meterNotFound } from './meter-errors';
import { assertIndexNotBelow, assertTransition } from './meter-lifecycle';
import { METER_SECRET_FIELDS, meterSnapshot, toMeterView } from './meter.view';
import { MetersRepository } from './meters.repository';
import type { MeterPatch } from './meters.repository';

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', `Invalid request: ${field}`, [{ field, message }]);

function assertNotBeforeInstallation(meter: MeterEntity, at: Date, field: string): void {
  if (meter.installedAt && at.getTime() < meter.installedAt.getTime()) throw invalid(field, `must not be before the installation (${meter.installedAt.toISOString()})`);
}

/**
 * The lifecycle of meters: install, remove, archive, replace. Each step checks the allowed
 * transition, and writes the meter(s) and their history rows in one transaction.
 */
@Injectable()
export class MeterLifecycleService {
  constructor(
    private readonly meters: MetersRepository,
    private readonly nodes: HierarchyRepository,
    private readonly history: HistoryRepository,
    private readonly events: RegistryEvents,
  ) {}

  async install(tenantId: TenantId, request: InstallMeterRequest): Promise<MeterView> {
    const meter = await this.meters.transaction(async (manager) => {
      const meter = await this.locked(manager, tenantId, request.id);
      const status = assertTransition(meter.status, 'install');
      if (!(await this.nodes.findById(tenantId, request.nodeId, manager))) throw meterNotFound('Hierarchy node');
      const patch: MeterPatch = { status, nodeId: request.nodeId, installedAt: new Date(request.installedAt), installIndex: request.initialIndex, removedAt: null, finalIndex: null };
      return this.apply(manager, tenantId, meter, patch, 'install');
    });
    return this.published(tenantId, meter, 'install');
  }

  /** Takes the meter out of its place (it leaves the node) with its final index. */
  async remove(tenantId: TenantId, request: RemoveMeterRequest): Promise<MeterView> {
    const meter = await this.meters.transaction(async (manager) => {
      const meter = await this.locked(manager, tenantId, request.id);
      const status = assertTransition(meter.status, 'remove');
      const removedAt = new Date(request.removedAt);
      assertNotBeforeInstallation(meter, removedAt, 'removedAt');
      assertIndexNotBelow(request.finalIndex, meter.installIndex, 'finalIndex');
      return this.apply(manager, tenantId, meter, { status, removedAt, finalIndex: request.finalIndex, nodeId: null }, 'remove');
    });
    return this.published(tenantId, meter, 'remove');
  }

  /** Archives a meter that is not in service; its history stays. */
  async archive(tenantId: TenantId, id: string): Promise<MeterView> {
    const archived = await this.meters.transaction(async (manager) => {
      const meter = await this.locked(manager, tenantId, id);
      return this.apply(manager, tenantId, meter, { status: assertTransition(meter.status, 'archive') }, 'archive');
    });
    return this.published(tenantId, archived, 'archive');
  }

  /**
   * Replaces an installed meter: the old one's final index and the new one's initial index at the
   * same instant, the new meter in the old one's node, the old one `replaced`; one transaction.
   */
  async replace(tenantId: TenantId, request: ReplaceMeterRequest): Promise<ReplacedMeters> {
    if (request.id === request.newMeterId) throw invalid('newMeterId', 'must be another meter');
    const [oldAfter, newAfter] = await this.meters.transaction(async (manager) => {
      // Lock in id order, so two replacements of the same pair cannot deadlock.
      const [first, second] = [request.id, request.newMeterId].sort();
      const lockedFirst = await this.locked(manager, tenantId, first);
      const lockedSecond = await this.locked(manager, tenantId, second);
      const [old, fresh] = lockedFirst.id === request.id ? [lockedFirst, lockedSecond] : [lockedSecond, lockedFirst];
      const oldStatus = assertTransition(old.status, 'replace', 'The old meter');
      const newStatus = assertTransition(fresh.status, 'replace_in', 'The new meter');
      if (old.utility !== fresh.utility) throw invalid('newMeterId', `must be a ${old.utility} meter like the one it replaces`);
      const at = new Date(request.replacedAt);
      assertNotBeforeInstallation(old, at, 'replacedAt');
      assertIndexNotBelow(request.oldFinalIndex, old.installIndex, 'oldFinalIndex');
      const recordedAt = new Date();
      const oldPatch: MeterPatch = { status: oldStatus, removedAt: at, finalIndex: request.oldFinalIndex, replacedById: fresh.id, nodeId: null };
      const newPatch: MeterPatch = { status: newStatus, nodeId: old.nodeId, installedAt: at, installIndex: request.newInitialIndex, removedAt: null, finalIndex: null, replacesId: old.id };
      const oldAfter = await this.apply(manager, tenantId, old, oldPatch, 'replace', recordedAt);
      const newAfter = await this.apply(manager, tenantId, fresh, newPatch, 'replace', recordedAt);
      return [oldAfter, newAfter] as const;
    });
    await this.events.meterChanged(tenantId, [oldAfter, newAfter], 'replace');
    return { old: toMeterView(oldAfter), new: toMeterView(newAfter) };
  }

  /** After the commit: ingest drops its cached resolution of the meter's identities. */
  private async published(tenantId: TenantId, meter: MeterEntity, reason: 'install' | 'remove' | 'archive'): Promise<MeterView> {
    await this.events.meterChanged(tenantId, [meter], reason);
    return toMeterView(meter);
  }

  private async locked(manager: EntityManager, tenantId: TenantId, id: string): Promise<MeterEntity> {
    const meter = await this.meters.findByIdForUpdate(manager, tenantId, id);
    if (!meter) throw meterNotFound();
    return meter;
  }

  private async apply(manager: EntityManager, tenantId: TenantId, meter: MeterEntity, patch: MeterPatch, action: HistoryAction, at?: Date): Promise<MeterEntity> {
    const updated = await this.meters.update(manager, tenantId, meter.id, patch);
    const changes = diffFields(meterSnapshot(meter), meterSnapshot(updated), METER_SECRET_FIELDS);
    await this.history.record(manager, tenantId, { entityType: 'meter', entityId: meter.id, action, changes, at });
    return updated;
  }
}
