import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { PulseModuleEntity } from '../database/entities/pulse-module.entity';

export type NewPulseModule = Omit<PulseModuleEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;

/** Pulse modules of one tenant. */
@Injectable()
export class PulseModulesRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(tenantId: TenantId): Promise<PulseModuleEntity[]> {
    return this.db.getRepository(PulseModuleEntity).find({ where: { tenantId }, order: { serial: 'ASC' } });
  }

  async insert(manager: EntityManager, tenantId: TenantId, module: NewPulseModule): Promise<PulseModuleEntity> {
    await manager.getRepository(PulseModuleEntity).insert({ ...module, tenantId });
    const saved = await manager.getRepository(PulseModuleEntity).findOneBy({ tenantId, id: module.id });
    if (!saved) throw new Error('inserted pulse module not found');
    return saved;
  }
}
