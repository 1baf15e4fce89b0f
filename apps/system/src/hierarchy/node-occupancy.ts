import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';

/** Whether a hierarchy node holds devices (meters, gateways) or service points: such a node cannot be deleted. */
@Injectable()
export class NodeOccupancy {
  async holdsDevices(manager: EntityManager, tenantId: TenantId, nodeId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM "system"."meters" WHERE "tenant_id" = $1 AND "node_id" = $2
       UNION ALL SELECT 1 FROM "system"."gateways" WHERE "tenant_id" = $1 AND "node_id" = $2
       UNION ALL SELECT 1 FROM "system"."service_points" WHERE "tenant_id" = $1 AND "node_id" = $2 LIMIT 1`,
      [tenantId, nodeId],
    );
    return rows.length > 0;
  }
}
