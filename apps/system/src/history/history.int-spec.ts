import type { DataSource, EntityManager } from 'typeorm';
import { asTenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import type { Actor } from '@app/contracts';
import { SystemHarness } from '../../test/system-harness';
import { HistoryRepository } from './history.repository';
import { HistoryRpc } from './history.rpc';

describe('change history (real PostgreSQL)', () => {
  let h: SystemHarness;
  let repo: HistoryRepository;

  beforeAll(async () => {
    h = await SystemHarness.start();
    repo = h.get(HistoryRepository);
  });
  const tx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => h.app.get<DataSource>(POSTGRES).transaction(work);
  afterAll(async () => {
    await h?.close();
  });

  const entityId = '11111111-1111-4111-8111-111111111111';

  it('records the actor of the request (kind, id, ip) with the diff, or "system" without one', async () => {
    const { tenantId, adminActor } = await h.tenantWithAdmin();
    const actor: Actor = { ...adminActor, ip: '203.0.113.7' };
    await h.as(actor, () => tx((m) => repo.record(m, tenantId, { entityType: 'meter', entityId, action: 'create', changes: { serial: { from: null, to: 'A1' } } })));
    await tx((m) => repo.record(m, tenantId, { entityType: 'meter', entityId, action: 'archive', changes: {} }));
    const rows = await repo.list(tenantId, { entityType: 'meter', entityId, limit: 10 });
    expect(rows.map((r) => [r.action, r.actorKind, r.actorId, r.ip])).toEqual([
      ['archive', 'system', null, null],
      ['create', 'user', adminActor.id, '203.0.113.7'],
    ]);
    expect(rows[1].changes).toEqual({ serial: { from: null, to: 'A1' } });
  });

  it('writes nothing when the surrounding transaction fails', async () => {
    const { tenantId } = await h.tenantWithAdmin();
    await expect(
      tx(async (m) => {
        await repo.record(m, tenantId, { entityType: 'gateway', entityId, action: 'create', changes: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await repo.list(tenantId, { limit: 10 })).toEqual([]);
  });

  it('lists only the actor\'s tenant, newest first, a page at a time', async () => {
    const a = await h.tenantWithAdmin();
    const b = await h.tenantWithAdmin();
    for (let i = 0; i < 5; i++) await tx((m) => repo.record(m, a.tenantId, { entityType: 'meter', entityId, action: 'update', changes: { n: { from: i, to: i + 1 } } }));
    await tx((m) => repo.record(m, b.tenantId, { entityType: 'meter', entityId, action: 'update', changes: {} }));
    const rpc = h.get(HistoryRpc);
    const first = await h.as(a.adminActor, () => rpc.list({ entityType: 'meter', entityId, limit: 3 }));
    expect(first.items.map((e) => e.changes.n.to)).toEqual([5, 4, 3]);
    expect(first.nextCursor).toBe(first.items[2].id);
    const second = await h.as(a.adminActor, () => rpc.list({ entityType: 'meter', entityId, limit: 3, cursor: first.nextCursor ?? undefined }));
    expect(second.items.map((e) => e.changes.n.to)).toEqual([2, 1]);
    expect(second.nextCursor).toBeNull();
    expect((await h.as(b.adminActor, () => rpc.list({}))).items).toHaveLength(1);
    const noHistory = { ...a.adminActor, permissions: a.adminActor.permissions.filter((p) => p !== 'history:read') };
    await expect(h.as(noHistory, () => rpc.list({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(asTenantId(a.tenantId)).toBe(a.tenantId);
  });
});
