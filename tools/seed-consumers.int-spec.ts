import type { DataSource } from 'typeorm';
import { asTenantId } from '@app/contracts';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { ConsumersRepository } from '../apps/system/src/consumers/consumers.repository';
import { systemDataSourceSettings } from '../apps/system/src/database/data-source';
import { ServicePointsRepository } from '../apps/system/src/service-points/service-points.repository';
import { TenantsRepository } from '../apps/system/src/tenants/tenants.repository';
import { UsersRepository } from '../apps/system/src/users/users.repository';
import { readScopeOf } from '../apps/system/src/access/read-scope';
import { permissionsOfRoles } from '@app/contracts';
import { seed } from './seed';
import { DEFAULT_DEMO_PASSWORD, DEMO_CONSUMERS, DEMO_CONSUMER_LOGIN, DEMO_TENANT } from './seed-data';

describe('the seed of demo consumers (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestPostgresDatabase('headend_seed');
    await runPostgresMigrations(createServiceDataSource(systemDataSourceSettings(db.url)));
    ds = createServiceDataSource(systemDataSourceSettings(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('creates the consumers with a service point each and a consumer login scoped to the household, once', async () => {
    const [first] = await seed(ds, [DEMO_TENANT], DEFAULT_DEMO_PASSWORD);
    expect(first.created).toEqual(expect.arrayContaining([...DEMO_CONSUMERS.map((c) => `consumer ${c.consumer.accountNumber}`), DEMO_CONSUMER_LOGIN.email]));
    const tenantId = asTenantId((await new TenantsRepository(ds).findBySlug(DEMO_TENANT.slug))?.id ?? '');
    const household = await new ConsumersRepository(ds).findByAccountNumber(tenantId, DEMO_CONSUMER_LOGIN.accountNumber);
    const login = await new UsersRepository(ds).findByEmail(tenantId, DEMO_CONSUMER_LOGIN.email);
    expect(login).toMatchObject({ roles: ['consumer'], consumerId: household?.id });
    // The login sees its own service point, and only it.
    const scope = readScopeOf({ kind: 'user', id: login?.id ?? '', tenantId, roles: ['consumer'], permissions: permissionsOfRoles(['consumer']), consumerId: household?.id }, 'consumers:read');
    const points = new ServicePointsRepository(ds);
    expect((await points.list(scope, { limit: 10 })).map((p) => p.code)).toEqual([DEMO_CONSUMERS[0].servicePoint.code]);
    const [counts] = (await ds.query(
      `SELECT (SELECT count(*)::int FROM system.change_history WHERE tenant_id = $1 AND entity_type = 'consumer' AND actor_kind = 'system') AS consumers,
              (SELECT count(*)::int FROM system.service_points WHERE tenant_id = $1) AS points`,
      [tenantId],
    )) as { consumers: number; points: number }[];
    expect(counts).toEqual({ consumers: DEMO_CONSUMERS.length, points: DEMO_CONSUMERS.length });
    const [again] = await seed(ds, [DEMO_TENANT], DEFAULT_DEMO_PASSWORD);
    expect(again.created).toEqual([]);
  });
});
