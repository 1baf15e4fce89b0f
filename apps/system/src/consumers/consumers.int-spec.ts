import { permissionsOfRoles } from '@app/contracts';
import type { Actor, ConsumerView, CreateConsumerRequest, MeterView, ServicePointView, TenantId } from '@app/contracts';
import { SystemHarness, TEST_PASSWORD } from '../../test/system-harness';
import { HierarchyRpc } from '../hierarchy/hierarchy.rpc';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from '../meters/meters.rpc';
import { EntityHistoryRpc } from '../service-points/entity-history.rpc';
import { ServicePointsRpc } from '../service-points/service-points.rpc';
import { UsersService } from '../users/users.service';
import { ConsumersRpc } from './consumers.rpc';

const consumerActor = (tenantId: string, consumerId: string | undefined, id = `user-of-${consumerId ?? 'nobody'}`): Actor => ({
  kind: 'user',
  id,
  tenantId,
  roles: ['consumer'],
  permissions: permissionsOfRoles(['consumer']),
  ...(consumerId ? { consumerId } : {}),
  ip: '203.0.113.9',
});

describe('consumers, service points, meter links and consumer scoping (real PostgreSQL)', () => {
  let h: SystemHarness;
  let consumers: ConsumersRpc;
  let points: ServicePointsRpc;
  let meters: MetersRpc;
  let history: EntityHistoryRpc;
  let tenantId: TenantId;
  let admin: Actor;
  let other: Actor;
  let nodeId: string;
  let n = 0;

  beforeAll(async () => {
    h = await SystemHarness.start();
    [consumers, points, meters, history] = [h.get(ConsumersRpc), h.get(ServicePointsRpc), h.get(MetersRpc), h.get(EntityHistoryRpc)];
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
    ({ adminActor: other } = await h.tenantWithAdmin());
    nodeId = (await h.as(admin, () => h.get(HierarchyRpc).create({ kind: 'region', name: 'R1' }))).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);
  const newConsumer = (extra: Partial<CreateConsumerRequest> = {}) =>
    as(() => consumers.create({ kind: 'residential', accountNumber: `ACC-${String(++n).padStart(5, '0')}`, name: `Household ${n}`, ...extra }));
  const newPoint = (consumerId?: string) => as(() => points.create({ code: `SP-${String(++n).padStart(5, '0')}`, utility: 'water', consumerId, nodeId }));
  const newMeter = () => as(() => meters.create({ serial: `M-${String(++n).padStart(5, '0')}`, vendor: 'Acme', utility: 'water' }));
  const entries = (entityType: 'consumer' | 'service_point' | 'meter', id: string) => h.get(HistoryRepository).list(tenantId, { entityType, entityId: id, limit: 50 });

  it('creates, updates and closes a consumer, normalised, each change in the history', async () => {
    const created = await newConsumer({ kind: 'non_residential', name: '  Acme Bakery ', taxId: 'DE123', email: 'Office@Acme.TEST', phone: '+49 30 1234567' });
    expect(created).toMatchObject({ name: 'Acme Bakery', email: 'office@acme.test', taxId: 'DE123', status: 'active', closedAt: null });
    const updated = await as(() => consumers.update({ id: created.id, postalAddress: 'Main St 1', phone: null }));
    expect(updated).toMatchObject({ postalAddress: 'Main St 1', phone: null });
    const closed = await as(() => consumers.close({ id: created.id }));
    expect(closed.status).toBe('closed');
    await expect(as(() => consumers.close({ id: created.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const rows = await entries('consumer', created.id);
    expect(rows.map((r) => r.action)).toEqual(['close', 'update', 'create']);
    expect(rows[1].changes).toEqual({ postalAddress: { from: null, to: 'Main St 1' }, phone: { from: '+49 30 1234567', to: null } });
    expect(rows.every((r) => r.actorId === admin.id && r.actorKind === 'user')).toBe(true);
  });

  it('refuses bad fields naming them, a duplicate account number, and company fields on a household', async () => {
    await expect(newConsumer({ kind: 'non_residential' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'taxId', message: expect.any(String) }] });
    await expect(newConsumer({ taxId: 'X1' })).rejects.toMatchObject({ fields: [{ field: 'taxId', message: 'is for non-residential consumers only' }] });
    await expect(newConsumer({ email: 'not-mail', phone: 'abc' })).rejects.toMatchObject({ fields: [{ field: 'email' }, { field: 'phone' }] });
    await expect(newConsumer({ accountNumber: 'has space' })).rejects.toMatchObject({ fields: [{ field: 'accountNumber' }] });
    const taken = await newConsumer();
    await expect(newConsumer({ accountNumber: taken.accountNumber })).rejects.toMatchObject({ code: 'CONFLICT', fields: [{ field: 'accountNumber' }] });
    await expect(as(() => consumers.update({ id: taken.id, registrationNumber: 'HRB 1' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lists consumers by prefix with keyset paging', async () => {
    const prefix = `PG${++n}-`;
    for (const suffix of ['3', '1', '2']) await newConsumer({ accountNumber: `${prefix}${suffix}` });
    const first = await as(() => consumers.list({ search: prefix, limit: 2 }));
    expect(first.items.map((c) => c.accountNumber)).toEqual([`${prefix}1`, `${prefix}2`]);
    const second = await as(() => consumers.list({ search: prefix, limit: 2, cursor: first.nextCursor ?? undefined }));
    expect([second.items.map((c) => c.accountNumber), second.nextCursor]).toEqual([[`${prefix}3`], null]);
    await expect(as(() => consumers.list({ cursor: 'garbage' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'cursor' }] });
  });

  it('attaches and detaches meters over time, refusing overlaps, another utility and closing with meters', async () => {
    const consumer = await newConsumer();
    const point = await newPoint(consumer.id);
    const [m1, m2] = [await newMeter(), await newMeter()];
    const link = await as(() => points.attachMeter({ id: point.id, meterId: m1.id, validFrom: '2025-01-01T00:00:00Z' }));
    expect(link).toMatchObject({ servicePointId: point.id, meterId: m1.id, validTo: null });
    const elsewhere = await newPoint();
    await expect(as(() => points.attachMeter({ id: elsewhere.id, meterId: m1.id, validFrom: '2025-02-01T00:00:00Z' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => points.close({ id: point.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => consumers.close({ id: consumer.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => points.detachMeter({ id: point.id, meterId: m1.id, validTo: '2024-12-01T00:00:00Z' }))).rejects.toMatchObject({ fields: [{ field: 'validTo' }] });
    await as(() => points.detachMeter({ id: point.id, meterId: m1.id, validTo: '2025-03-01T00:00:00Z' }));
    await expect(as(() => points.attachMeter({ id: elsewhere.id, meterId: m1.id, validFrom: '2025-02-15T00:00:00Z' }))).rejects.toMatchObject({ fields: [{ field: 'validFrom' }] });
    await as(() => points.attachMeter({ id: elsewhere.id, meterId: m1.id, validFrom: '2025-03-01T00:00:00Z' }));
    await as(() => points.attachMeter({ id: point.id, meterId: m2.id, validFrom: '2025-03-01T00:00:00Z' }));
    const gas = await as(() => meters.create({ serial: `G-${++n}`, vendor: 'Acme', utility: 'gas' }));
    await expect(as(() => points.attachMeter({ id: point.id, meterId: gas.id, validFrom: '2025-03-01T00:00:00Z' }))).rejects.toMatchObject({ fields: [{ field: 'meterId' }] });
    expect((await as(() => points.meters({ id: point.id }))).map((l) => [l.meterId, l.validTo])).toEqual([[m2.id, null], [m1.id, '2025-03-01T00:00:00.000Z']]);
    expect((await as(() => points.servicePointsOfMeter({ id: m1.id }))).map((l) => l.servicePointId)).toEqual([elsewhere.id, point.id]);
    expect((await entries('service_point', point.id)).map((r) => r.action)).toEqual(['attach_meter', 'detach_meter', 'attach_meter', 'create']);
    expect((await entries('meter', m1.id)).map((r) => r.action)).toEqual(['attach_meter', 'detach_meter', 'attach_meter', 'create']);
  });

  it('links consumer users only to an existing consumer of the tenant, and keeps a node holding service points', async () => {
    const consumer = await newConsumer();
    const users = h.get(UsersService);
    const user = await users.create(tenantId, { email: `c${++n}@example.test`, displayName: 'C', password: TEST_PASSWORD, roles: ['consumer'], consumerId: consumer.id });
    expect(user.consumerId).toBe(consumer.id);
    await expect(users.create(other.tenantId as TenantId, { email: `c${++n}@example.test`, displayName: 'C', password: TEST_PASSWORD, roles: ['consumer'], consumerId: consumer.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'consumerId', message: 'no consumer with this id' }],
    });
    const node = await as(() => h.get(HierarchyRpc).create({ kind: 'region', name: `Busy ${++n}` }));
    await as(() => points.create({ code: `SP-BUSY-${n}`, utility: 'heat', nodeId: node.id }));
    await expect(as(() => h.get(HierarchyRpc).delete({ id: node.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => points.create({ code: `SP-X-${++n}`, utility: 'heat', consumerId: consumer.id, nodeId: other.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('a consumer user sees only its own; everything else is NOT_FOUND, like another tenant', () => {
    let mine: ConsumerView;
    let theirs: ConsumerView;
    let myPoint: ServicePointView;
    let theirPoint: ServicePointView;
    let myMeter: MeterView;
    let theirMeter: MeterView;
    let me: Actor;

    beforeAll(async () => {
      [mine, theirs] = [await newConsumer(), await newConsumer()];
      [myPoint, theirPoint] = [await newPoint(mine.id), await newPoint(theirs.id)];
      [myMeter, theirMeter] = [await newMeter(), await newMeter()];
      await as(() => points.attachMeter({ id: myPoint.id, meterId: myMeter.id, validFrom: '2025-01-01T00:00:00Z' }));
      await as(() => points.attachMeter({ id: theirPoint.id, meterId: theirMeter.id, validFrom: '2025-01-01T00:00:00Z' }));
      me = consumerActor(tenantId, mine.id);
    });

    /** The template later features extend: every consumer-facing read by id, for a given id. */
    const reads = (ids: { consumer: string; point: string; meter: string }): { what: string; read: () => Promise<unknown> }[] => [
      { what: 'consumer', read: () => consumers.get({ id: ids.consumer }) },
      { what: 'service point', read: () => points.get({ id: ids.point }) },
      { what: 'meter', read: () => meters.get({ id: ids.meter }) },
      { what: 'meters of a point', read: () => points.meters({ id: ids.point }) },
      { what: 'points of a meter', read: () => points.servicePointsOfMeter({ id: ids.meter }) },
      { what: 'consumer history', read: () => history.list({ entityType: 'consumer', entityId: ids.consumer }) },
      { what: 'service point history', read: () => history.list({ entityType: 'service_point', entityId: ids.point }) },
      { what: 'meter history', read: () => history.list({ entityType: 'meter', entityId: ids.meter }) },
    ];

    it('reads its own consumer record, point, meter and their history', async () => {
      for (const { what, read } of reads({ consumer: mine.id, point: myPoint.id, meter: myMeter.id })) {
        expect({ what, answer: await h.as(me, read) }).toEqual({ what, answer: expect.anything() });
      }
      expect((await h.as(me, () => consumers.mine())).id).toBe(mine.id);
      expect((await h.as(me, () => consumers.list({}))).items.map((c) => c.id)).toEqual([mine.id]);
      expect((await h.as(me, () => points.list({}))).items.map((p) => p.id)).toEqual([myPoint.id]);
      expect((await h.as(me, () => meters.list({}))).items.map((m) => m.id)).toEqual([myMeter.id]);
    });

    it("answers NOT_FOUND for another consumer's ids, for another tenant's user, and for a consumer user without a link", async () => {
      const askers = [
        { who: 'consumer A asking for B', actor: me, ids: { consumer: theirs.id, point: theirPoint.id, meter: theirMeter.id } },
        { who: 'another tenant', actor: other, ids: { consumer: mine.id, point: myPoint.id, meter: myMeter.id } },
        { who: 'consumer of another tenant', actor: consumerActor(other.tenantId, mine.id), ids: { consumer: mine.id, point: myPoint.id, meter: myMeter.id } },
        { who: 'unlinked self:read user', actor: consumerActor(tenantId, undefined), ids: { consumer: mine.id, point: myPoint.id, meter: myMeter.id } },
      ];
      for (const { who, actor, ids } of askers) {
        for (const { what, read } of reads(ids)) {
          const code = await h.as(actor, read).then(() => 'answered', (error: { code?: string }) => error.code);
          expect({ who, what, code }).toEqual({ who, what, code: 'NOT_FOUND' });
        }
      }
      await expect(h.as(consumerActor(tenantId, undefined), () => consumers.mine())).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await h.as(other, () => consumers.list({}))).items).toEqual([]);
    });

    it('refuses writes to a consumer user, and shows it the history with other actors redacted', async () => {
      await expect(h.as(me, () => consumers.update({ id: mine.id, name: 'Mine now' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(h.as(me, () => points.detachMeter({ id: myPoint.id, meterId: myMeter.id, validTo: '2026-01-01T00:00:00Z' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const seen = await h.as(me, () => history.list({ entityType: 'service_point', entityId: myPoint.id }));
      expect(seen.items.map((e) => e.action)).toEqual(['attach_meter', 'create']);
      expect(seen.items.every((e) => e.actorId === null && e.ip === null && e.actorKind === 'user')).toBe(true);
      const operatorView = await as(() => history.list({ entityType: 'service_point', entityId: myPoint.id }));
      expect(operatorView.items.every((e) => e.actorId === admin.id)).toBe(true);
    });
  });
});
