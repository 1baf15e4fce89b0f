import type { DataSource } from 'typeorm';
import type { Actor, HierarchyNodeView, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { SystemHarness } from '../../test/system-harness';
import { HistoryRepository } from '../history/history.repository';
import { HierarchyRepository } from './hierarchy.repository';
import { HierarchyRpc } from './hierarchy.rpc';

describe('hierarchy (real PostgreSQL)', () => {
  let h: SystemHarness;
  let rpc: HierarchyRpc;
  let tenantId: TenantId;
  let admin: Actor;

  beforeAll(async () => {
    h = await SystemHarness.start();
    rpc = h.get(HierarchyRpc);
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);
  const create = (kind: HierarchyNodeView['kind'], name: string, parentId: string | null = null) => as(() => rpc.create({ kind, name, parentId }));

  it('builds a tree with allowed kinds and lists it whole or by children', async () => {
    const region = await create('region', 'North');
    const district = await create('district', 'Harbour', region.id);
    const locality = await create('locality', 'Old Town', district.id);
    const building = await create('building', 'Pier 4', locality.id);
    expect([region.depth, district.depth, locality.depth, building.depth]).toEqual([0, 1, 2, 3]);
    await expect(create('district', 'Orphan')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(create('feeder', 'F1', district.id)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(create('district', 'harbour', region.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const substation = await create('substation', 'SS-1', region.id);
    const feeder = await create('feeder', 'F-1', substation.id);
    await create('transformer', 'T-1', feeder.id);
    const tree = await as(() => rpc.list({}));
    expect(tree.map((n) => n.name).slice(0, 1)).toEqual(['North']);
    expect(tree.findIndex((n) => n.id === district.id)).toBeLessThan(tree.findIndex((n) => n.id === locality.id));
    expect((await as(() => rpc.list({ parentId: region.id }))).map((n) => n.name)).toEqual(['Harbour', 'SS-1']);
    const subtree = await h.get(HierarchyRepository).subtree(tenantId, `/${region.id}/${district.id}/`);
    expect(subtree.map((n) => n.name)).toEqual(['Harbour', 'Old Town', 'Pier 4']);
  });

  it('renames and moves a subtree, refusing cycles, with history rows', async () => {
    const a = await create('region', 'A');
    const b = await create('region', 'B');
    const d = await create('district', 'D', a.id);
    const l = await create('locality', 'L', d.id);
    await expect(as(() => rpc.update({ id: d.id, parentId: l.id }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(as(() => rpc.update({ id: d.id, parentId: d.id }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(as(() => rpc.update({ id: d.id, parentId: null }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const moved = await as(() => rpc.update({ id: d.id, parentId: b.id, name: 'D2' }));
    expect(moved).toMatchObject({ parentId: b.id, name: 'D2', depth: 1 });
    const ds = h.app.get<DataSource>(POSTGRES);
    const [row] = (await ds.query(`SELECT path, depth FROM system.hierarchy_nodes WHERE id = $1`, [l.id])) as { path: string; depth: number }[];
    expect(row).toEqual({ path: `/${b.id}/${d.id}/${l.id}/`, depth: 2 });
    const history = await h.get(HistoryRepository).list(tenantId, { entityType: 'hierarchy_node', entityId: d.id, limit: 10 });
    expect(history.map((r) => r.action)).toEqual(['move', 'create']);
    expect(history[0].changes).toEqual({ parentId: { from: a.id, to: b.id }, name: { from: 'D', to: 'D2' } });
    expect(history[0]).toMatchObject({ actorKind: 'user', actorId: admin.id });
  });

  it('deletes only an empty node', async () => {
    const r = await create('region', 'Del');
    const d = await create('district', 'DelD', r.id);
    await expect(as(() => rpc.delete({ id: r.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await as(() => rpc.delete({ id: d.id }))).toMatchObject({ id: d.id });
    await as(() => rpc.delete({ id: r.id }));
    await expect(as(() => rpc.delete({ id: r.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const history = await h.get(HistoryRepository).list(tenantId, { entityId: r.id, limit: 10 });
    expect(history.map((x) => x.action)).toEqual(['delete', 'create']);
  });

  it('keeps tenants apart: another tenant\'s node is NOT_FOUND, as parent too', async () => {
    const other = await h.tenantWithAdmin();
    const mine = await create('region', 'Mine');
    await expect(as(() => rpc.update({ id: mine.id, name: 'Stolen' }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(() => rpc.create({ kind: 'district', name: 'X', parentId: mine.id }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(() => rpc.list({ parentId: mine.id }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(() => rpc.delete({ id: mine.id }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await as(() => rpc.list({}), other.adminActor)).toEqual([]);
    const reader = { ...admin, permissions: admin.permissions.filter((p) => p !== 'hierarchy:write') };
    await expect(as(() => rpc.create({ kind: 'region', name: 'No' }), reader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('leaves neither the node nor its history when the change fails', async () => {
    const r = await create('region', 'Atomic');
    const before = await h.get(HistoryRepository).list(tenantId, { limit: 1000 });
    await expect(create('region', 'atomic')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.get(HistoryRepository).list(tenantId, { limit: 1000 })).toHaveLength(before.length);
    expect(r.name).toBe('Atomic');
  });
});
