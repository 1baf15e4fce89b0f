import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { CreatePulseModuleRequest, PulseModuleView, TenantId } from '@app/contracts';
import type { PulseModuleEntity } from '../database/entities/pulse-module.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { MetersRepository } from '../meters/meters.repository';
import { PulseModulesRepository } from './pulse-modules.repository';

export function toPulseModuleView(module: PulseModuleEntity): PulseModuleView {
  return {
    id: module.id,
    serial: module.serial,
    meterId: module.meterId,
    pulseWeight: module.pulseWeight,
    unit: module.unit,
    createdAt: module.createdAt.toISOString(),
    updatedAt: module.updatedAt.toISOString(),
  };
}

/** Pulse modules of a tenant, optionally linked to one of its meters. */
@Injectable()
export class PulseModulesService {
  constructor(
    private readonly modules: PulseModulesRepository,
    private readonly meters: MetersRepository,
    private readonly history: HistoryRepository,
  ) {}

  async list(tenantId: TenantId): Promise<PulseModuleView[]> {
    return (await this.modules.list(tenantId)).map(toPulseModuleView);
  }

  async create(tenantId: TenantId, request: CreatePulseModuleRequest): Promise<PulseModuleView> {
    try {
      return await this.modules.transaction(async (manager) => {
        if (request.meterId && !(await this.meters.findById(tenantId, request.meterId, manager))) throw new DomainError('NOT_FOUND', 'Meter not found');
        const id = randomUUID();
        const module = await this.modules.insert(manager, tenantId, { id, serial: request.serial, meterId: request.meterId ?? null, pulseWeight: request.pulseWeight, unit: request.unit });
        const { serial, meterId, pulseWeight, unit } = module;
        await this.history.record(manager, tenantId, { entityType: 'pulse_module', entityId: id, action: 'create', changes: diffFields(null, { serial, meterId, pulseWeight, unit }) });
        return toPulseModuleView(module);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pulse_modules_tenant_serial_key')) throw new DomainError('CONFLICT', 'A pulse module with this serial number already exists');
      throw error;
    }
  }
}
