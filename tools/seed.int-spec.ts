import { asTenantId } from '@app/contracts';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { systemDataSourceSettings } from '../apps/system/src/database/data-source';
import { PasswordHasher } from '../apps/system/src/passwords/password-hasher';
import { TenantsRepository } from '../apps/system/src/tenants/tenants.repository';
import { UsersRepository } from '../apps/system/src/users/users.repository';
import { MeterEntity } from '../apps/system/src/database/entities/meter.entity';
import { HierarchyRepository } from '../apps/system/src/hierarchy/hierarchy.repository';
import { toMeterView } from '../apps/system/src/meters/meter.view';
import { MetersRepository } from '../apps/system/src/meters/meters.repository';
import { seed } from './seed';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from './seed-data';
import { demoRegistry } from './seed-registry';

describe('the seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestPostgresDatabase('headend_seed');
    await runPostgresMigrations(createServiceDataSource(systemDataSourceSettings(db.url)));
    dataSource = createServiceDataSource(systemDataSourceSettings(db.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates the platform administrator and the demo tenant with its users, then nothing the second time', async () => {
    const first = await seed(dataSource, [PLATFORM_TENANT, DEMO_TENANT], DEFAULT_DEMO_PASSWORD);
    expect(first.map((o) => o.created.length)).toEqual([2, 11]);
    expect(first[1].created.slice(5, 8)).toEqual(['41 hierarchy nodes', '4 gateways', `${demoRegistry('any tenant').meters.length} meters`]);
    const second = await seed(dataSource, [PLATFORM_TENANT, DEMO_TENANT], 'Another-Password-99');
    expect(second.map((o) => o.created)).toEqual([[], []]);
    expect(second[1].existing).toEqual(DEMO_TENANT.users.map((u) => u.email));

    const demo = await new TenantsRepository(dataSource).findBySlug('demo');
    const users = new UsersRepository(dataSource);
    const admin = await users.findByEmail(asTenantId(demo?.id ?? ''), 'admin@demo.example');
    expect(admin?.roles).toEqual(['tenant_admin']);
    // The second run left the password alone.
    expect(await new PasswordHasher().verify(admin?.passwordHash ?? '', DEFAULT_DEMO_PASSWORD)).toBe(true);
    const platform = await new TenantsRepository(dataSource).findBySlug('platform');
    expect((await users.findByEmail(asTenantId(platform?.id ?? ''), 'admin@platform.example'))?.roles).toEqual(['platform_admin']);
  });

  it('seeds the demo registry once: hierarchy, gateways and meters as the services read them, with history; a second run changes nothing', async () => {
    const demo = await new TenantsRepository(dataSource).findBySlug('demo');
    const tenantId = asTenantId(demo?.id ?? '');
    const wanted = demoRegistry(tenantId);
    const count = async (sql: string) => Number(((await dataSource.query(sql, [tenantId])) as { n: string }[])[0].n);
    expect(await count(`SELECT count(*) AS n FROM system.hierarchy_nodes WHERE tenant_id = $1`)).toBe(wanted.nodes.length);
    expect(await count(`SELECT count(*) AS n FROM system.gateways WHERE tenant_id = $1`)).toBe(wanted.gateways.length);
    expect(await count(`SELECT count(*) AS n FROM system.meters WHERE tenant_id = $1`)).toBe(wanted.meters.length);
    const statuses = (await dataSource.query(`SELECT status, count(*)::int AS n FROM system.meters WHERE tenant_id = $1 GROUP BY status ORDER BY status`, [tenantId])) as { status: string; n: number }[];
    expect(statuses.map((s) => s.status)).toEqual(['in_stock', 'installed', 'replaced']);
    expect(statuses.find((s) => s.status === 'replaced')?.n).toBe(1);
    // Every row reads through the services' own repositories and views.
    const hierarchy = new HierarchyRepository(dataSource);
    const region = wanted.nodes.find((n) => n.kind === 'region');
    expect((await hierarchy.findById(tenantId, String(region?.id)))?.name).toBe('Northern Region');
    const views = (await dataSource.getRepository(MeterEntity).findBy({ tenantId })).map(toMeterView);
    expect(views.filter((m) => m.lorawan).length).toBe(wanted.meters.filter((m) => m.dev_eui).length);
    expect(views.filter((m) => m.wmbus).length).toBe(wanted.meters.filter((m) => m.wmbus_id).length);
    const old = wanted.meters.find((m) => m.status === 'replaced');
    const view = toMeterView((await new MetersRepository(dataSource).findById(tenantId, String(old?.id))) as MeterEntity);
    expect(view).toMatchObject({ status: 'replaced', nodeId: null, replacedById: expect.any(String), codecId: 'axioma/qalcosonic-w1', provisioning: { state: 'not_configured' } });
    expect(Number(view.finalIndex)).toBe(812.345);
    const [history] = (await dataSource.query(`SELECT count(*)::int AS n FROM system.change_history WHERE tenant_id = $1 AND action = 'create' AND actor_kind = 'system' AND entity_type IN ('hierarchy_node', 'gateway', 'meter')`, [tenantId])) as { n: number }[];
    expect(history.n).toBe(wanted.nodes.length + wanted.gateways.length + wanted.meters.length);

    const fingerprint = async () =>
      (await dataSource.query(
        `SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM system.hierarchy_nodes t WHERE tenant_id = $1) AS nodes,
                (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM system.gateways t WHERE tenant_id = $1) AS gateways,
                (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM system.meters t WHERE tenant_id = $1) AS meters,
                (SELECT count(*) FROM system.change_history WHERE tenant_id = $1) AS history`,
        [tenantId],
      )) as unknown[];
    const before = await fingerprint();
    const started = Date.now();
    const again = await seed(dataSource, [DEMO_TENANT], DEFAULT_DEMO_PASSWORD);
    expect(again[0].created).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('leaves the registry out for a tenant seeded without it (SEED_DEMO_REGISTRY=false)', async () => {
    const [outcome] = await seed(dataSource, [{ ...DEMO_TENANT, slug: 'demo-bare', users: DEMO_TENANT.users.slice(0, 1), registry: false, consumers: false }], DEFAULT_DEMO_PASSWORD);
    expect(outcome.created).toEqual(['tenant demo-bare', 'admin@demo.example']);
    const bare = await new TenantsRepository(dataSource).findBySlug('demo-bare');
    expect(await dataSource.query(`SELECT id FROM system.meters WHERE tenant_id = $1 UNION ALL SELECT id FROM system.hierarchy_nodes WHERE tenant_id = $1`, [bare?.id])).toEqual([]);
  });

  it('refuses a demo password that breaks the password rules', async () => {
    await expect(seed(dataSource, [{ slug: 'weak', name: 'Weak', users: [{ email: 'a@weak.example', displayName: 'A', roles: ['operator'] }] }], 'password')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await new TenantsRepository(dataSource).findBySlug('weak')).toBeNull();
  });
});
