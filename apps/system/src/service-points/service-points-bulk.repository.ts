import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';
import type { NewServicePoint } from './service-points.repository';

/** Service points written and looked up a whole file at a time (import). */
@Injectable()
export class ServicePointsBulkRepository {
  /** New (active) service points, a few thousand a statement (`unnest`), never one statement per row. */
  async insertMany(manager: EntityManager, tenantId: TenantId, points: readonly NewServicePoint[], batch = 5000): Promise<void> {
    for (let start = 0; start < points.length; start += batch) {
      const part = points.slice(start, start + batch);
      await manager.query(
        `INSERT INTO "system"."service_points" ("tenant_id", "status", "id", "code", "utility", "consumer_id", "node_id", "address", "description")
         SELECT $1::uuid, 'active', p.* FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[]) AS p`,
        [tenantId, part.map((p) => p.id), part.map((p) => p.code), part.map((p) => p.utility), part.map((p) => p.consumerId), part.map((p) => p.nodeId), part.map((p) => p.address), part.map((p) => p.description)],
      );
    }
  }

  /** Which of `codes` the tenant's service points already use. */
  async takenCodes(manager: EntityManager, tenantId: TenantId, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await manager.query(`SELECT "code" FROM "system"."service_points" WHERE "tenant_id" = $1 AND "code" = ANY($2::text[])`, [tenantId, codes]);
    return new Set(rows.map((r) => r.code));
  }
}
