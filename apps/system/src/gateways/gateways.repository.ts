import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { GatewayEntity } from '../database/entities/gateway.entity';

export type NewGateway = Omit<GatewayEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;
export type GatewayPatch = Partial<Omit<GatewayEntity, 'id' | 'tenantId' | 'eui' | 'createdAt' | 'updatedAt'>>;

/** Gateways of one tenant. Writes take the EntityManager of the caller's transaction. */
@Injectable()
export class GatewaysRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(tenantId: TenantId): Promise<GatewayEntity[]> {
    return this.db.getRepository(GatewayEntity).find({ where: { tenantId }, order: { name: 'ASC', id: 'ASC' } });
  }

  findById(tenantId: TenantId, id: string, manager: EntityManager = this.db.manager): Promise<GatewayEntity | null> {
    return manager.getRepository(GatewayEntity).findOneBy({ tenantId, id });
  }

  findByIdForUpdate(manager: EntityManager, tenantId: TenantId, id: string): Promise<GatewayEntity | null> {
    return manager.getRepository(GatewayEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, tenantId: TenantId, gateway: NewGateway): Promise<GatewayEntity> {
    await manager.query(
      `INSERT INTO "system"."gateways" ("id", "tenant_id", "eui", "name", "model", "latitude", "longitude", "node_id", "configuration", "status")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [gateway.id, tenantId, gateway.eui, gateway.name, gateway.model, gateway.latitude, gateway.longitude, gateway.nodeId, JSON.stringify(gateway.configuration), gateway.status],
    );
    return this.found(manager, tenantId, gateway.id);
  }

  /** Many new gateways, a few thousand a statement (`unnest`), never one statement per row. */
  async insertMany(manager: EntityManager, tenantId: TenantId, gateways: readonly NewGateway[], batch = 5000): Promise<void> {
    for (let start = 0; start < gateways.length; start += batch) {
      const part = gateways.slice(start, start + batch);
      await manager.query(
        `INSERT INTO "system"."gateways" ("tenant_id", "id", "eui", "name", "model", "latitude", "longitude", "node_id", "configuration", "status")
         SELECT $1::uuid, g.* FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::uuid[], $9::jsonb[], $10::text[]) AS g`,
        [
          tenantId,
          part.map((g) => g.id),
          part.map((g) => g.eui),
          part.map((g) => g.name),
          part.map((g) => g.model),
          part.map((g) => g.latitude),
          part.map((g) => g.longitude),
          part.map((g) => g.nodeId),
          part.map((g) => JSON.stringify(g.configuration)),
          part.map((g) => g.status),
        ],
      );
    }
  }

  /** Which of `euis` (lower-case) the tenant's gateways already use. */
  async takenEuis(manager: EntityManager, tenantId: TenantId, euis: readonly string[]): Promise<Set<string>> {
    if (euis.length === 0) return new Set();
    const rows: { eui: string }[] = await manager.query(`SELECT "eui" FROM "system"."gateways" WHERE "tenant_id" = $1 AND "eui" = ANY($2::text[])`, [tenantId, euis]);
    return new Set(rows.map((r) => r.eui));
  }

  async update(manager: EntityManager, tenantId: TenantId, id: string, patch: GatewayPatch): Promise<GatewayEntity> {
    const { configuration, ...plain } = patch;
    if (Object.keys(plain).length > 0) await manager.getRepository(GatewayEntity).update({ tenantId, id }, plain);
    if (configuration !== undefined) {
      await manager.query(`UPDATE "system"."gateways" SET "configuration" = $3::jsonb, "updated_at" = now() WHERE "tenant_id" = $1 AND "id" = $2`, [tenantId, id, JSON.stringify(configuration)]);
    }
    return this.found(manager, tenantId, id);
  }

  async delete(manager: EntityManager, tenantId: TenantId, id: string): Promise<void> {
    await manager.getRepository(GatewayEntity).delete({ tenantId, id });
  }

  private async found(manager: EntityManager, tenantId: TenantId, id: string): Promise<GatewayEntity> {
    const gateway = await this.findById(tenantId, id, manager);
    if (!gateway) throw new Error('written gateway not found');
    return gateway;
  }
}
