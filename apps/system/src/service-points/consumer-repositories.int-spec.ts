import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { asTenantId } from '@app/contracts';
import type { TenantId } from '@app/contracts';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase, uniqueName } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { NO_CONSUMER, tenantScope } from '../access/read-scope';
import type { ReadScope } from '../access/read-scope';
import { ConsumersRepository } from '../consumers/consumers.repository';
import { validateNewConsumer } from '../consumers/consumer-rules';
import { systemDataSourceSettings } from '../database/data-source';
import { MetersRepository } from '../meters/meters.repository';
import { ServicePointsRepository, servicePointConflicts } from './service-points.repository';
import { validateNewServicePoint } from './service-point-rules';

/**
 * The repositories of consumers and service points on a real PostgreSQL: every read scoped by the
 * tenant, and for a consumer by its own rows (the one scoping helper); the schema's own guards.
 */
describe('consumer and service point repositories (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let consumers: ConsumersRepository;
  let points: ServicePointsRepository;
  let tenantA: TenantId;
  let tenantB: TenantId;
  let n = 0;

  const tenant = async (): Promise<TenantId> => {
    const slug = uniqueName('t').replace(/_/g, '-').toLowerCase();
    const [row] = (await ds.query(`INSERT INTO system.tenants (slug, name) VALUES ($1, $1) RETURNING id`, [slug])) as { id: string }[];
    return asTenantId(row.id);
  };
  const consumer = (tenantId: TenantId, name = `Consumer ${++n}`) =>
    consumers.transaction((m) => consumers.insert(m, tenantId, { id: randomUUID(), ...validateNewConsumer({ kind: 'residential', accountNumber: `ACC-${String(++n).padStart(5, '0')}`, name }) }));
  const point = (tenantId: TenantId, consumerId?: string) =>
    points.transaction((m) => points.insert(m, tenantId, { id: randomUUID(), ...validateNewServicePoint({ code: `SP-${String(++n).padStart(5, '0')}`, utility: 'water', consumerId }) }));
  const meter = async (tenantId: TenantId): Promise<string> => {
    const id = randomUUID();
    await ds.query(`INSERT INTO system.meters (id, tenant_id, serial, vendor, utility) VALUES ($1, $2, $3, 'Acme', 'water')`, [id, tenantId, `M-${++n}`]);
    return id;
  };
  const link = (tenantId: TenantId, servicePointId: string, meterId: string, validFrom = '2025-01-01T00:00:00Z') =>
    points.transaction((m) => points.insertLink(m, tenantId, { id: randomUUID(), servicePointId, meterId, validFrom: new Date(validFrom) }));
  const own = (tenantId: TenantId, consumerId: string): ReadScope => ({ tenantId, consumerId, actorId: null });

  beforeAll(async () => {
    db = await createTestPostgresDatabase('headend_system');
    await runPostgresMigrations(createServiceDataSource(systemDataSourceSettings(db.url)));
    ds = createServiceDataSource(systemDataSourceSettings(db.url));
    await ds.initialize();
    consumers = new ConsumersRepository(ds);
    points = new ServicePointsRepository(ds);
    tenantA = await tenant();
    tenantB = await tenant();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds a consumer and a service point only within their tenant', async () => {
    const c = await consumer(tenantA);
    const p = await point(tenantA, c.id);
    expect((await consumers.findById(tenantA, c.id))?.accountNumber).toBe(c.accountNumber);
    expect(await consumers.findById(tenantB, c.id)).toBeNull();
    expect(await consumers.findVisible(tenantScope(tenantB), c.id)).toBeNull();
    expect(await points.findById(tenantB, p.id)).toBeNull();
    expect((await consumers.list(tenantScope(tenantB), { limit: 100 })).map((x) => x.id)).not.toContain(c.id);
    expect((await points.list(tenantScope(tenantB), { limit: 100 })).map((x) => x.id)).not.toContain(p.id);
    expect(await points.findByCode(tenantB, p.code)).toBeNull();
    expect(await consumers.findByAccountNumber(tenantB, c.accountNumber)).toBeNull();
  });

  it('shows a consumer only its own record, points, links and meters', async () => {
    const [mine, theirs] = [await consumer(tenantA), await consumer(tenantA)];
    const [myPoint, theirPoint] = [await point(tenantA, mine.id), await point(tenantA, theirs.id)];
    const [myMeter, theirMeter] = [await meter(tenantA), await meter(tenantA)];
    await link(tenantA, myPoint.id, myMeter);
    await link(tenantA, theirPoint.id, theirMeter);
    const me = own(tenantA, mine.id);
    expect((await consumers.findVisible(me, mine.id))?.id).toBe(mine.id);
    expect(await consumers.findVisible(me, theirs.id)).toBeNull();
    expect((await consumers.list(me, { limit: 100 })).map((c) => c.id)).toEqual([mine.id]);
    expect((await points.findVisible(me, myPoint.id))?.id).toBe(myPoint.id);
    expect(await points.findVisible(me, theirPoint.id)).toBeNull();
    expect((await points.list(me, { limit: 100 })).map((p) => p.id)).toEqual([myPoint.id]);
    expect((await points.metersOfPoint(me, myPoint.id)).map((l) => l.meterId)).toEqual([myMeter]);
    expect(await points.metersOfPoint(me, theirPoint.id)).toEqual([]);
    expect(await points.pointsOfMeter(me, theirMeter)).toEqual([]);
    const meters = new MetersRepository(ds);
    expect((await meters.findVisible(me, myMeter))?.id).toBe(myMeter);
    expect(await meters.findVisible(me, theirMeter)).toBeNull();
    expect((await meters.list(me, { limit: 100 })).map((m) => m.id)).toEqual([myMeter]);
    expect(await meters.findVisible(tenantScope(tenantB), myMeter)).toBeNull();
    // The same ids as the same consumer of another tenant: nothing.
    expect(await consumers.findVisible(own(tenantB, mine.id), mine.id)).toBeNull();
    expect(await points.findVisible(own(tenantB, mine.id), myPoint.id)).toBeNull();
    // A self:read actor without a consumer link sees nothing at all.
    expect(await consumers.list(own(tenantA, NO_CONSUMER), { limit: 100 })).toEqual([]);
    expect(await points.list(own(tenantA, NO_CONSUMER), { limit: 100 })).toEqual([]);
  });

  it('pages by (account number, id) with prefix search on account number and name', async () => {
    const t = await tenant();
    for (const [accountNumber, name] of [['B-2', 'Zed'], ['A-1', 'Anna'], ['A-3', 'Bob'], ['C-9', 'anders']]) {
      await consumers.transaction((m) => consumers.insert(m, t, { id: randomUUID(), ...validateNewConsumer({ kind: 'residential', accountNumber, name }) }));
    }
    const first = await consumers.list(tenantScope(t), { limit: 2 });
    expect(first.map((c) => c.accountNumber)).toEqual(['A-1', 'A-3']);
    const rest = await consumers.list(tenantScope(t), { limit: 10, after: { key: first[1].accountNumber, id: first[1].id } });
    expect(rest.map((c) => c.accountNumber)).toEqual(['B-2', 'C-9']);
    expect((await consumers.list(tenantScope(t), { search: 'A-', limit: 10 })).map((c) => c.accountNumber)).toEqual(['A-1', 'A-3']);
    expect((await consumers.list(tenantScope(t), { search: 'an', limit: 10 })).map((c) => c.name)).toEqual(['Anna', 'anders']);
    expect((await consumers.list(tenantScope(t), { search: '%', limit: 10 }))).toEqual([]);
  });

  it('refuses a duplicate account number or code, a second open link of a meter, and cross-tenant references', async () => {
    const c = await consumer(tenantA);
    await expect(consumers.transaction((m) => consumers.insert(m, tenantA, { ...validateNewConsumer({ kind: 'residential', accountNumber: c.accountNumber, name: 'X' }), id: randomUUID() }))).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'consumers_tenant_account_key' }),
    });
    const p = await point(tenantA, c.id);
    await expect(servicePointConflicts(() => points.transaction((m) => points.insert(m, tenantA, { id: randomUUID(), ...validateNewServicePoint({ code: p.code, utility: 'gas' }) })))).rejects.toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'code', message: 'is taken' }],
    });
    const m1 = await meter(tenantA);
    await link(tenantA, p.id, m1);
    const other = await point(tenantA);
    await expect(servicePointConflicts(() => link(tenantA, other.id, m1))).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another tenant's consumer, meter or point cannot be referenced (composite foreign keys).
    await expect(point(tenantB, c.id)).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'service_points_consumer_fkey' }) });
    const foreignMeter = await meter(tenantB);
    await expect(link(tenantA, other.id, foreignMeter)).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'service_point_meters_meter_fkey' }) });
    const user = (tenantId: TenantId, consumerId: string) =>
      ds.query(`INSERT INTO system.users (tenant_id, email, display_name, password_hash, roles, consumer_id) VALUES ($1, $2, 'C', 'x', '{consumer}', $3)`, [tenantId, `${uniqueName('c')}@x.test`, consumerId]);
    await expect(user(tenantA, c.id)).resolves.toBeDefined();
    await expect(user(tenantB, c.id)).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'users_consumer_fkey' }) });
    await expect(user(tenantA, randomUUID())).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'users_consumer_fkey' }) });
  });

  it('closes a link and lists the meters of a point over time, newest first', async () => {
    const p = await point(tenantA);
    const [m1, m2] = [await meter(tenantA), await meter(tenantA)];
    const first = await link(tenantA, p.id, m1, '2025-01-01T00:00:00Z');
    const open = await points.transaction((m) => points.openLink(m, tenantA, p.id, m1));
    expect(open?.id).toBe(first.id);
    const closed = await points.transaction((m) => points.closeLink(m, tenantA, first.id, new Date('2025-03-01T00:00:00Z')));
    expect(closed.validTo?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    await link(tenantA, p.id, m2, '2025-03-01T00:00:00Z');
    expect((await points.metersOfPoint(tenantScope(tenantA), p.id)).map((l) => l.meterId)).toEqual([m2, m1]);
    expect((await points.pointsOfMeter(tenantScope(tenantA), m1)).map((l) => l.servicePointId)).toEqual([p.id]);
    expect(await points.hasOpenLinks(ds.manager, tenantA, p.id)).toBe(true);
    await expect(points.transaction((m) => points.closeLink(m, tenantA, first.id, new Date('2024-01-01T00:00:00Z')))).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'service_point_meters_period_check' }),
    });
  });
});
