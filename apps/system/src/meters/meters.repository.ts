import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { asTenantId } from '@app/contracts';
import type { MeterStatus, TenantId, Utility } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { scoped } from '../access/read-scope';
import type { ReadScope } from '../access/read-scope';
import { MeterEntity } from '../database/entities/meter.entity';
import { likePrefix } from '../hierarchy/hierarchy.repository';

/** Provisioning fields are optional: a new meter starts `not_configured` (the column default). */
type ProvisioningFields = 'provisioningState' | 'provisioningError' | 'provisioningAt';
export type NewMeter = Omit<MeterEntity, 'tenantId' | 'createdAt' | 'updatedAt' | ProvisioningFields> & Partial<Pick<MeterEntity, ProvisioningFields>>;
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

  /** Many new meters, a few thousand a statement (`unnest` of one array per column), never one statement per row. */
  async insertMany(manager: EntityManager, tenantId: TenantId, meters: readonly NewMeter[], batch = 5000): Promise<void> {
    for (let start = 0; start < meters.length; start += batch) {
      const part = meters.slice(start, start + batch);
      const column = <K extends keyof NewMeter>(key: K): NewMeter[K][] => part.map((m) => m[key]);
      await manager.query(
        `INSERT INTO "system"."meters" ("tenant_id", "id", "serial", "vendor", "model", "utility", "codec_id", "node_id", "status",
           "dev_eui", "join_eui", "app_key_enc", "wmbus_manufacturer", "wmbus_id", "aes_key_enc", "multiplier", "register_unit", "provisioning_state")
         SELECT $1::uuid, m.* FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[],
           $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::numeric[], $17::text[], $18::text[]) AS m`,
        [
          tenantId,
          column('id'),
          column('serial'),
          column('vendor'),
          column('model'),
          column('utility'),
          column('codecId'),
          column('nodeId'),
          column('status'),
          column('devEui'),
          column('joinEui'),
          column('appKeyEnc'),
          column('wmbusManufacturer'),
          column('wmbusId'),
          column('aesKeyEnc'),
          column('multiplier'),
          column('registerUnit'),
          part.map((m) => m.provisioningState ?? 'not_configured'),
        ],
      );
    }
  }

  /**
   * Which of the given identities the tenant's meters already use: (vendor, serial), devEui,
   * (wM-Bus manufacturer, id). Keys are joined with "\u0000"; one query per kind for a whole file.
   */
  async takenIdentities(
    manager: EntityManager,
    tenantId: TenantId,
    wanted: { serials: [string, string][]; devEuis: string[]; wmbus: [string, string][] },
  ): Promise<{ serials: Set<string>; devEuis: Set<string>; wmbus: Set<string> }> {
    const pairs = async (sql: string, values: [string, string][]): Promise<Set<string>> => {
      if (values.length === 0) return new Set();
      const rows: { a: string; b: string }[] = await manager.query(sql, [tenantId, values.map((v) => v[0]), values.map((v) => v[1])]);
      return new Set(rows.map((r) => `${r.a}\u0000${r.b}`));
    };
    const serials = await pairs(
      `SELECT m."vendor" AS a, m."serial" AS b FROM "system"."meters" m JOIN unnest($2::text[], $3::text[]) AS w(vendor, serial)
         ON m."vendor" = w.vendor AND m."serial" = w.serial WHERE m."tenant_id" = $1`,
      wanted.serials,
    );
    const wmbus = await pairs(
      `SELECT m."wmbus_manufacturer" AS a, m."wmbus_id" AS b FROM "system"."meters" m JOIN unnest($2::text[], $3::text[]) AS w(manufacturer, id)
         ON m."wmbus_manufacturer" = w.manufacturer AND m."wmbus_id" = w.id WHERE m."tenant_id" = $1`,
      wanted.wmbus,
    );
    let devEuis = new Set<string>();
    if (wanted.devEuis.length > 0) {
      const rows: { dev_eui: string }[] = await manager.query(`SELECT "dev_eui" FROM "system"."meters" WHERE "tenant_id" = $1 AND "dev_eui" = ANY($2::text[])`, [tenantId, wanted.devEuis]);
      devEuis = new Set(rows.map((r) => r.dev_eui));
    }
    return { serials, devEuis, wmbus };
  }

  /**
   * Meters left `pending` in ChirpStack provisioning since before `staleBefore`, of every tenant (the
   * sweeper at start, not a request): (tenant, id) pairs after `after` in id order, a page at a time.
   */
  async pendingProvisioning(limit: number, staleBefore: Date, after?: string): Promise<{ tenantId: TenantId; id: string }[]> {
    const rows: { tenant_id: string; id: string }[] = await this.db.query(
      `SELECT "tenant_id", "id" FROM "system"."meters"
        WHERE "provisioning_state" = 'pending' AND "id" > $1::uuid AND "updated_at" < $2
          AND "status" <> 'archived' AND "dev_eui" IS NOT NULL
        ORDER BY "id" LIMIT $3`,
      [after ?? '00000000-0000-0000-0000-000000000000', staleBefore, limit],
    );
    return rows.map((r) => ({ tenantId: asTenantId(r.tenant_id), id: r.id }));
  }

  /**
   * Fresh planner statistics after a bulk import: until autovacuum notices (a minute or more), the
   * planner would still see the table as it was, and pick sequential scans and sorts for pages.
   */
  async analyze(): Promise<void> {
    await this.db.query(`ANALYZE "system"."meters"`);
  }

  async update(manager: EntityManager, tenantId: TenantId, id: string, patch: MeterPatch): Promise<MeterEntity> {
    await manager.getRepository(MeterEntity).update({ tenantId, id }, patch);
    const saved = await this.findById(tenantId, id, manager);
    if (!saved) throw new Error('updated meter not found');
    return saved;
  }

  /** One page ordered by (serial, id): each filter has an index starting with (tenant_id, <filter>, serial, id). */
  async list(scope: ReadScope, filter: MeterFilter): Promise<MeterEntity[]> {
    const q = scoped(this.db.getRepository(MeterEntity).createQueryBuilder('m'), 'm', 'meter', scope).setParameter('tenantId', scope.tenantId);
    if (filter.search) {
      const prefix = likePrefix(filter.search);
      q.andWhere('(m.serial LIKE :prefix OR m.dev_eui LIKE :euiPrefix)', { prefix, euiPrefix: likePrefix(filter.search.toLowerCase()) });
    }
    if (filter.utility) q.andWhere('m.utility = :utility', { utility: filter.utility });
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    if (filter.vendor) q.andWhere('m.vendor = :vendor', { vendor: filter.vendor });
    if (filter.nodePath) {
      // The subtree's node ids first, then `node_id = ANY(ids)`: with the ids known the planner sees how
      // many meters they hold and walks (tenant_id, node_id, serial, id) for a small subtree; an
      // IN (subquery) hid that and walked the whole serial index when a subtree held few meters
      // (74 ms for an empty district among 100,000 meters, 0.05 ms now; docs/benchmarks.md, Registry).
      const nodes: { id: string }[] = await this.db.query(`SELECT "id" FROM "system"."hierarchy_nodes" WHERE "tenant_id" = $1 AND "path" LIKE $2`, [scope.tenantId, likePrefix(filter.nodePath)]);
      q.andWhere('m.node_id = ANY(:nodeIds)', { nodeIds: nodes.map((n) => n.id) });
    }
    if (filter.after) q.andWhere('(m.serial, m.id) > (:afterSerial, :afterId)', { afterSerial: filter.after.serial, afterId: filter.after.id });
    return q.orderBy('m.serial', 'ASC').addOrderBy('m.id', 'ASC').limit(filter.limit).getMany();
  }
}
