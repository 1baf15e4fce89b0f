/**
 * The demo tenant's consumers: a household and a business, each with a service point in a building of
 * the demo registry and an installed meter of the registry serving it, and a consumer login
 * (consumer@demo.example) linked to the household for the personal cabinet. Through the services' own
 * rules and repositories, each row with its history (actor `system`); what exists is left as it is.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TenantId } from '@app/contracts';
import { ConsumersRepository } from '../apps/system/src/consumers/consumers.repository';
import { validateNewConsumer } from '../apps/system/src/consumers/consumer-rules';
import { consumerSnapshot } from '../apps/system/src/consumers/consumer.view';
import { diffFields } from '../apps/system/src/history/history-diff';
import { HistoryRepository } from '../apps/system/src/history/history.repository';
import { PasswordHasher } from '../apps/system/src/passwords/password-hasher';
import { assertPasswordAcceptable } from '../apps/system/src/passwords/password-policy';
import { servicePointSnapshot } from '../apps/system/src/service-points/service-point.view';
import { ServicePointsRepository } from '../apps/system/src/service-points/service-points.repository';
import { validateNewServicePoint } from '../apps/system/src/service-points/service-point-rules';
import { UsersRepository } from '../apps/system/src/users/users.repository';
import { DEMO_CONSUMERS, DEMO_CONSUMER_LOGIN } from './seed-data';

/** A building of the tenant (the n-th by path) and an installed meter of `utility` there serving no point yet. */
async function placeFor(ds: DataSource, tenantId: TenantId, utility: string, n: number): Promise<{ nodeId: string | null; meterId: string | null }> {
  const rows = (await ds.query(
    `SELECT n.id AS "nodeId",
            (SELECT m.id FROM system.meters m
              WHERE m.tenant_id = n.tenant_id AND m.node_id = n.id AND m.utility = $2 AND m.status = 'installed'
                AND NOT EXISTS (SELECT 1 FROM system.service_point_meters l WHERE l.tenant_id = m.tenant_id AND l.meter_id = m.id AND l.valid_to IS NULL)
              ORDER BY m.serial LIMIT 1) AS "meterId"
       FROM system.hierarchy_nodes n WHERE n.tenant_id = $1 AND n.kind = 'building' ORDER BY n.path OFFSET $3 LIMIT 1`,
    [tenantId, utility, n],
  )) as { nodeId: string; meterId: string | null }[];
  return rows[0] ?? { nodeId: null, meterId: null };
}

export async function seedConsumers(ds: DataSource, tenantId: TenantId, password: string): Promise<string[]> {
  assertPasswordAcceptable('DEMO_PASSWORD', password, DEMO_CONSUMER_LOGIN);
  const consumers = new ConsumersRepository(ds);
  const points = new ServicePointsRepository(ds);
  const history = new HistoryRepository(ds);
  const created: string[] = [];
  for (const [index, wanted] of DEMO_CONSUMERS.entries()) {
    if (await consumers.findByAccountNumber(tenantId, wanted.consumer.accountNumber)) continue;
    const place = await placeFor(ds, tenantId, wanted.servicePoint.utility, index);
    await consumers.transaction(async (manager) => {
      const consumer = await consumers.insert(manager, tenantId, { id: randomUUID(), ...validateNewConsumer(wanted.consumer) });
      await history.record(manager, tenantId, { entityType: 'consumer', entityId: consumer.id, action: 'create', changes: diffFields(null, consumerSnapshot(consumer)) });
      const fields = validateNewServicePoint({ ...wanted.servicePoint, consumerId: consumer.id, ...(place.nodeId ? { nodeId: place.nodeId } : {}) });
      const point = await points.insert(manager, tenantId, { id: randomUUID(), ...fields });
      await history.record(manager, tenantId, { entityType: 'service_point', entityId: point.id, action: 'create', changes: diffFields(null, servicePointSnapshot(point)) });
      if (place.meterId) {
        const validFrom = new Date('2025-01-01T00:00:00Z');
        await points.insertLink(manager, tenantId, { id: randomUUID(), servicePointId: point.id, meterId: place.meterId, validFrom });
        await history.record(manager, tenantId, { entityType: 'service_point', entityId: point.id, action: 'attach_meter', changes: diffFields(null, { meterId: place.meterId, validFrom }) });
        await history.record(manager, tenantId, { entityType: 'meter', entityId: place.meterId, action: 'attach_meter', changes: diffFields(null, { servicePointId: point.id, validFrom }) });
      }
    });
    created.push(`consumer ${wanted.consumer.accountNumber}`);
  }
  const users = new UsersRepository(ds);
  const household = await consumers.findByAccountNumber(tenantId, DEMO_CONSUMER_LOGIN.accountNumber);
  if (household && !(await users.findByEmail(tenantId, DEMO_CONSUMER_LOGIN.email))) {
    const { accountNumber: _account, ...user } = DEMO_CONSUMER_LOGIN;
    await users.create(tenantId, { ...user, consumerId: household.id, passwordHash: await new PasswordHasher().hash(password) });
    created.push(DEMO_CONSUMER_LOGIN.email);
  }
  return created;
}
