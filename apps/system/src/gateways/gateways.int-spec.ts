import type { Actor, TenantId } from '@app/contracts';
import { SystemHarness } from '../../test/system-harness';
import { HierarchyRpc } from '../hierarchy/hierarchy.rpc';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from '../meters/meters.rpc';
import { PulseModulesRpc } from '../pulse-modules/pulse-modules.rpc';
import { GatewaysRpc } from './gateways.rpc';

describe('gateways and pulse modules (real PostgreSQL)', () => {
  let h: SystemHarness;
  let rpc: GatewaysRpc;
  let tenantId: TenantId;
  let admin: Actor;

  beforeAll(async () => {
    h = await SystemHarness.start();
    rpc = h.get(GatewaysRpc);
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);

  it('creates, updates and deletes a gateway with history; EUI unique per tenant', async () => {
    const node = await as(() => h.get(HierarchyRpc).create({ kind: 'region', name: 'GW region' }));
    const gw = await as(() => rpc.create({ eui: 'B827EBFFFE000001', name: 'Roof 1', model: 'RAK7289', latitude: 59.43, longitude: 24.75, nodeId: node.id, configuration: { channelPlan: 'EU868' } }));
    expect(gw).toMatchObject({ eui: 'b827ebfffe000001', status: 'active', configuration: { channelPlan: 'EU868' }, nodeId: node.id });
    await expect(as(() => rpc.create({ eui: 'b827ebfffe000001', name: 'dup' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(() => h.get(HierarchyRpc).delete({ id: node.id }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/meters or gateways/) });
    const updated = await as(() => rpc.update({ id: gw.id, status: 'inactive', configuration: { channelPlan: 'EU868', rx2: 869525000 } }));
    expect(updated).toMatchObject({ status: 'inactive', configuration: { rx2: 869525000 } });
    expect((await as(() => rpc.list())).map((g) => g.id)).toEqual([gw.id]);
    await as(() => rpc.delete({ id: gw.id }));
    await expect(as(() => rpc.get({ id: gw.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rows = await h.get(HistoryRepository).list(tenantId, { entityType: 'gateway', entityId: gw.id, limit: 10 });
    expect(rows.map((r) => r.action)).toEqual(['delete', 'update', 'create']);
    expect(rows[1].changes.status).toEqual({ from: 'active', to: 'inactive' });
  });

  it('keeps another tenant\'s gateway NOT_FOUND', async () => {
    const gw = await as(() => rpc.create({ eui: '0000000000000002', name: 'Mine' }));
    const other = await h.tenantWithAdmin();
    await expect(as(() => rpc.get({ id: gw.id }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(() => rpc.update({ id: gw.id, name: 'x' }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(() => rpc.delete({ id: gw.id }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await as(() => rpc.list(), other.adminActor)).toEqual([]);
    expect((await as(() => rpc.create({ eui: '0000000000000002', name: 'Same EUI, other tenant' }), other.adminActor)).eui).toBe('0000000000000002');
  });

  it('registers pulse modules linked to a meter of the same tenant only', async () => {
    const pulses = h.get(PulseModulesRpc);
    const meter = await as(() => h.get(MetersRpc).create({ serial: 'P-1', vendor: 'Acme', utility: 'gas' }));
    const module = await as(() => pulses.create({ serial: 'PM-1', meterId: meter.id, pulseWeight: '0.01', unit: 'm3' }));
    expect(module).toMatchObject({ serial: 'PM-1', meterId: meter.id, unit: 'm3' });
    expect(Number(module.pulseWeight)).toBe(0.01);
    await expect(as(() => pulses.create({ serial: 'PM-1', pulseWeight: '1', unit: 'm3' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await h.tenantWithAdmin();
    await expect(as(() => pulses.create({ serial: 'PM-2', meterId: meter.id, pulseWeight: '1', unit: 'm3' }), other.adminActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(() => pulses.list())).map((p) => p.serial)).toEqual(['PM-1']);
    const rows = await h.get(HistoryRepository).list(tenantId, { entityType: 'pulse_module', limit: 10 });
    expect(rows.map((r) => r.entityId)).toEqual([module.id]);
  });
});
