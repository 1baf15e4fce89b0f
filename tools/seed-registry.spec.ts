import { DRIVERS, hasCodec } from '@app/codecs';
import { HIERARCHY_PARENT_KINDS } from '@app/contracts';
import type { HierarchyKind } from '@app/contracts';
import { DEMO_MODELS, demoRegistry, seedId } from './seed-registry';

const TENANT = '22222222-2222-4222-8222-222222222222';

describe('demo registry data', () => {
  const registry = demoRegistry(TENANT);
  const { nodes, gateways, meters } = registry;

  it('is the same on every call, with ids derived from the tenant', () => {
    expect(demoRegistry(TENANT)).toEqual(registry);
    expect(demoRegistry('33333333-3333-4333-8333-333333333333').meters[0].id).not.toBe(meters[0].id);
    expect(seedId(TENANT, 'region')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has a territory and an electricity network whose parents are allowed kinds', () => {
    const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
    expect(['region', 'district', 'locality', 'building', 'substation', 'feeder', 'transformer'].map(count)).toEqual([1, 3, 6, 24, 1, 2, 4]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of nodes) {
      const parent = node.parent_id ? byId.get(node.parent_id) : null;
      expect(HIERARCHY_PARENT_KINDS[node.kind as HierarchyKind]).toContain(parent ? parent.kind : null);
      expect(node.path).toBe(`${parent ? parent.path : '/'}${node.id}/`);
    }
  });

  it('has about 200 meters of every utility with real codec ids and unique identities', () => {
    expect(meters.length).toBeGreaterThanOrEqual(180);
    expect(meters.length).toBeLessThanOrEqual(220);
    const wmbusDrivers = new Set(DRIVERS.map((d) => `wmbus/${d.name}`));
    for (const m of meters) expect(hasCodec(m.codec_id as string) || wmbusDrivers.has(m.codec_id as string)).toBe(true);
    for (const model of DEMO_MODELS) expect(meters.some((m) => m.codec_id === model.codecId)).toBe(true);
    expect(new Set(meters.map((m) => m.utility))).toEqual(new Set(['water', 'heat', 'gas', 'electricity']));
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(meters.map((m) => `${m.vendor}|${m.serial}`))).toBe(true);
    const lorawan = meters.filter((m) => m.dev_eui !== null);
    const wmbus = meters.filter((m) => m.wmbus_id !== null);
    expect(lorawan.length).toBeGreaterThan(50);
    expect(wmbus.length).toBeGreaterThan(50);
    expect(unique(lorawan.map((m) => m.dev_eui))).toBe(true);
    for (const m of lorawan) expect(m.dev_eui).toMatch(/^[0-9a-f]{16}$/);
    expect(unique(wmbus.map((m) => `${m.wmbus_manufacturer}|${m.wmbus_id}`))).toBe(true);
    for (const m of wmbus) expect([m.wmbus_manufacturer, m.wmbus_id]).toEqual([expect.stringMatching(/^[A-Z]{3}$/), expect.stringMatching(/^\d{8}$/)]);
    expect(unique(gateways.map((g) => g.eui))).toBe(true);
  });

  it('installs meters in buildings (balance meters in districts and transformers), keeps some in stock and one replaced', () => {
    const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
    const installed = meters.filter((m) => m.status === 'installed');
    expect(new Set(installed.map((m) => kindOf.get(m.node_id as string)))).toEqual(new Set(['building', 'district', 'transformer']));
    for (const m of installed) expect([m.installed_at, m.install_index]).toEqual([expect.any(String), expect.any(String)]);
    const stock = meters.filter((m) => m.status === 'in_stock');
    expect(stock.length).toBeGreaterThanOrEqual(10);
    for (const m of stock) expect(m.node_id).toBeNull();
    const [old] = meters.filter((m) => m.status === 'replaced');
    const replacement = meters.find((m) => m.id === old.replaced_by_id);
    expect(replacement).toMatchObject({ status: 'installed', replaces_id: old.id, installed_at: old.removed_at, codec_id: old.codec_id });
    expect(old).toMatchObject({ node_id: null, final_index: '812.345' });
  });
});
