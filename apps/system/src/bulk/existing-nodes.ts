import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';

/** Which of `ids` are hierarchy nodes of the tenant (one query for a whole file). */
export async function existingNodeIds(manager: EntityManager, tenantId: TenantId, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(`SELECT "id" FROM "system"."hierarchy_nodes" WHERE "tenant_id" = $1 AND "id" = ANY($2::uuid[])`, [tenantId, [...new Set(ids)]]);
  return new Set(rows.map((r) => r.id));
}
