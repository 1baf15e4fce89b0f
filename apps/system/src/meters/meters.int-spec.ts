import type { DataSource } from 'typeorm';
import type { Actor, CreateMeterRequest, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { SystemHarness } from '../../test/system-harness';
import { SecretBox } from '../crypto/secret-box';
import { HierarchyRpc } from '../hierarchy/hierarchy.rpc';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from './meters.rpc';
import { MetersService, keyContext } from './meters.service';

const APP_KEY = '2B7E151628AED2A6ABF7158809CF4F3C';
const AES_KEY = '000102030405060708090a0b0c0d0e0f';

describe('meters (real PostgreSQL)', () => {
  let h: SystemHarness;
  let rpc: MetersRpc;
  let tenantId: TenantId;
  let admin: Actor;
  let nodeId: string;
  let n = 0;

  beforeAll(async () => {
    h = await SystemHarness.start();
    rpc = h.get(MetersRpc);
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
    const region = await h.as(admin, () => h.get(HierarchyRpc).create({ kind: 'region', name: 'R' }));
    nodeId = (await h.as(admin, () => h.get(HierarchyRpc).create({ kind: 'district', name: 'D', parentId: region.id }))).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);
  const newMeter = (extra: Partial<CreateMeterRequest> = {}) => as(() => rpc.create({ serial: `SN-${String(++n).padStart(4, '0')}`, vendor: 'Acme', utility: 'water', ...extra }));
  const db = () => h.app.get<DataSource>(POSTGRES);
  const history = (id: string) => h.get(HistoryRepository).list(tenantId, { entityType: 'meter', entityId: id, limit: 50 });

  it('registers a LoRaWAN meter with its key encrypted at rest and never returned', async () => {
    const meter = await newMeter({ lorawan: { devEui: '70B3D5E75E00ABCD', joinEui: '0000000000000001', appKey: APP_KEY } });
    expect(meter).toMatchObject({ status: 'in_stock', lorawan: { devEui: '70b3d5e75e00abcd', joinEui: '0000000000000001', hasAppKey: true }, wmbus: null, multiplier: expect.stringMatching(/^1(\.0+)?$/) });
    expect(JSON.stringify(meter)).not.toMatch(new RegExp(APP_KEY, 'i'));
    const [row] = (await db().query(`SELECT app_key_enc FROM system.meters WHERE id = $1`, [meter.id])) as { app_key_enc: string }[];
    expect(row.app_key_enc).toMatch(/^v1:/);
    expect(row.app_key_enc.toLowerCase()).not.toContain(APP_KEY.toLowerCase());
    expect(await h.get(MetersService).keysOf(tenantId, meter.id)).toEqual({ appKey: APP_KEY.toLowerCase(), aesKey: null });
    const wrongKey = new SecretBox({ SECRETS_KEY: 'f'.repeat(64) });
    expect(() => wrongKey.open(row.app_key_enc, keyContext(meter.id, 'appKey'))).toThrow(/SECRETS_KEY differs/);
    const [created] = await history(meter.id);
    expect(created.changes.appKey).toEqual({ from: null, to: '[changed]' });
    expect(JSON.stringify(created.changes).toLowerCase()).not.toContain(APP_KEY.toLowerCase());
  });

  it('registers a wM-Bus meter, refuses duplicates as CONFLICT, and hides a changed key in the history', async () => {
    const meter = await newMeter({ vendor: 'Kamstrup', wmbus: { manufacturer: 'kam', id: '12345678', aesKey: AES_KEY } });
    expect(meter.wmbus).toEqual({ manufacturer: 'KAM', id: '12345678', hasAesKey: true });
    await expect(as(() => rpc.create({ serial: meter.serial, vendor: 'Kamstrup', utility: 'heat' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(newMeter({ wmbus: { manufacturer: 'KAM', id: '12345678' } })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/wM-Bus/) });
    await expect(newMeter({ lorawan: { devEui: '70b3d5e75e00abcd' } })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/devEui/) });
    const updated = await as(() => rpc.update({ id: meter.id, aesKey: 'ff'.repeat(16), multiplier: '10' }));
    expect(updated.wmbus?.hasAesKey).toBe(true);
    const [update] = await history(meter.id);
    expect(update.action).toBe('update');
    expect(update.changes.aesKey).toEqual({ from: '[changed]', to: '[changed]' });
    expect(update.changes.multiplier.to).toMatch(/^10(\.0+)?$/);
  });

  it('installs, removes, archives with allowed transitions only; archived meters keep their history', async () => {
    const meter = await newMeter();
    await expect(as(() => rpc.remove({ id: meter.id, removedAt: '2025-01-01T00:00:00Z', finalIndex: '1' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const installed = await as(() => rpc.install({ id: meter.id, nodeId, installedAt: '2025-01-01T00:00:00Z', initialIndex: '100.5' }));
    expect(installed).toMatchObject({ status: 'installed', nodeId, installedAt: '2025-01-01T00:00:00.000Z' });
    await expect(as(() => rpc.archive({ id: meter.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => rpc.remove({ id: meter.id, removedAt: '2025-02-01T00:00:00Z', finalIndex: '99' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(as(() => rpc.remove({ id: meter.id, removedAt: '2024-12-01T00:00:00Z', finalIndex: '200' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const removed = await as(() => rpc.remove({ id: meter.id, removedAt: '2025-02-01T00:00:00Z', finalIndex: '200' }));
    expect(removed).toMatchObject({ status: 'removed', nodeId: null });
    expect(Number(removed.finalIndex)).toBe(200);
    expect((await as(() => rpc.archive({ id: meter.id }))).status).toBe('archived');
    await expect(as(() => rpc.install({ id: meter.id, nodeId, installedAt: '2025-03-01T00:00:00Z', initialIndex: '0' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await history(meter.id)).map((r) => r.action)).toEqual(['archive', 'remove', 'install', 'create']);
  });

  it('replaces a meter: one instant, both indexes, the new one in the old one\'s node, history rows for both', async () => {
    const old = await newMeter();
    const fresh = await newMeter();
    await as(() => rpc.install({ id: old.id, nodeId, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' }));
    await expect(as(() => rpc.replace({ id: fresh.id, newMeterId: old.id, replacedAt: '2025-06-01T00:00:00Z', oldFinalIndex: '1', newInitialIndex: '0' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const gas = await newMeter({ utility: 'gas' });
    await expect(as(() => rpc.replace({ id: old.id, newMeterId: gas.id, replacedAt: '2025-06-01T00:00:00Z', oldFinalIndex: '1', newInitialIndex: '0' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const result = await as(() => rpc.replace({ id: old.id, newMeterId: fresh.id, replacedAt: '2025-06-01T12:00:00Z', oldFinalIndex: '523.25', newInitialIndex: '0.5' }));
    expect(result.old).toMatchObject({ status: 'replaced', nodeId: null, removedAt: '2025-06-01T12:00:00.000Z', replacedById: fresh.id });
    expect(result.new).toMatchObject({ status: 'installed', nodeId, installedAt: '2025-06-01T12:00:00.000Z', replacesId: old.id });
    expect([Number(result.old.finalIndex), Number(result.new.installIndex)]).toEqual([523.25, 0.5]);
    const [oldRow] = await history(old.id);
    const [newRow] = await history(fresh.id);
    expect([oldRow.action, newRow.action]).toEqual(['replace', 'replace']);
    expect(oldRow.at.getTime()).toBe(newRow.at.getTime());
    expect(newRow.changes.nodeId).toEqual({ from: null, to: nodeId });
    expect(oldRow.changes.replacedById).toEqual({ from: null, to: fresh.id });
  });

  it('leaves neither the change nor its history when the history write fails (replace rolls back both meters)', async () => {
    const old = await newMeter();
    const fresh = await newMeter();
    await as(() => rpc.install({ id: old.id, nodeId, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' }));
    const repo = h.get(HistoryRepository);
    const real = repo.record.bind(repo);
    const spy = jest.spyOn(repo, 'record').mockImplementationOnce(real).mockRejectedValueOnce(new Error('history write failed'));
    await expect(as(() => rpc.replace({ id: old.id, newMeterId: fresh.id, replacedAt: '2025-06-01T00:00:00Z', oldFinalIndex: '5', newInitialIndex: '0' }))).rejects.toThrow('history write failed');
    spy.mockRestore();
    expect((await as(() => rpc.get({ id: old.id }))).status).toBe('installed');
    expect((await as(() => rpc.get({ id: fresh.id }))).status).toBe('in_stock');
    expect((await history(old.id)).map((r) => r.action)).toEqual(['install', 'create']);
    expect((await history(fresh.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('keeps tenants apart: another tenant\'s meter by id is NOT_FOUND, and its listing is empty', async () => {
    const meter = await newMeter();
    const other = await h.tenantWithAdmin();
    for (const call of [
      () => rpc.get({ id: meter.id }),
      () => rpc.update({ id: meter.id, model: 'x' }),
      () => rpc.install({ id: meter.id, nodeId, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' }),
      () => rpc.archive({ id: meter.id }),
    ]) {
      await expect(as(call, other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const theirs = await as(() => rpc.create({ serial: 'X-1', vendor: 'Acme', utility: 'water' }), other.adminActor);
    await expect(as(() => rpc.install({ id: theirs.id, nodeId, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(() => rpc.list({}), other.adminActor)).items.map((m) => m.id)).toEqual([theirs.id]);
    const reader = { ...admin, permissions: admin.permissions.filter((p) => p !== 'devices:write') };
    await expect(as(() => rpc.create({ serial: 'no', vendor: 'Acme', utility: 'water' }), reader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists with prefix search, filters, node subtree and keyset paging', async () => {
    const { tenantId: t, adminActor: a } = await h.tenantWithAdmin();
    const hierarchy = h.get(HierarchyRpc);
    const region = await h.as(a, () => hierarchy.create({ kind: 'region', name: 'R' }));
    const district = await h.as(a, () => hierarchy.create({ kind: 'district', name: 'D', parentId: region.id }));
    for (let i = 0; i < 7; i++) {
      const m = await h.as(a, () => rpc.create({ serial: `LST-${i}`, vendor: i % 2 ? 'Acme' : 'Bmeters', utility: i < 5 ? 'water' : 'heat', lorawan: { devEui: `aabbccdd0000000${i}` } }));
      if (i < 3) await h.as(a, () => rpc.install({ id: m.id, nodeId: district.id, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' }));
    }
    const serials = async (request: Parameters<MetersRpc['list']>[0]) => (await h.as(a, () => rpc.list(request))).items.map((m) => m.serial);
    expect(await serials({ search: 'LST-1' })).toEqual(['LST-1']);
    expect(await serials({ search: 'AABBCCDD00000006' })).toEqual(['LST-6']);
    expect(await serials({ utility: 'heat' })).toEqual(['LST-5', 'LST-6']);
    expect(await serials({ vendor: 'Acme', status: 'in_stock' })).toEqual(['LST-3', 'LST-5']);
    expect(await serials({ nodeId: region.id })).toEqual(['LST-0', 'LST-1', 'LST-2']);
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await h.as(a, () => rpc.list({ limit: 3, cursor }));
      pages.push(page.items.map((m) => m.serial));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([['LST-0', 'LST-1', 'LST-2'], ['LST-3', 'LST-4', 'LST-5'], ['LST-6']]);
    await expect(h.as(a, () => rpc.list({ cursor: 'garbage' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(t).toBeDefined();
  });
});
