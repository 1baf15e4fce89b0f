/**
 * The demo tenant's registry: a territory (region > districts > localities > buildings), an electricity
 * network (substation > feeders > transformers), LoRaWAN gateways and about 200 meters of every
 * utility with real codec ids (libs/codecs), LoRaWAN devEuis and wM-Bus addresses: most installed in
 * buildings, district and transformer balance meters, some in stock, one replaced.
 *
 * Ids are derived from the tenant and a stable key, and every insert is ON CONFLICT DO NOTHING, so a
 * second run inserts nothing and changes nothing. Rows go in a few multi-row statements, in one
 * transaction, with one `create` history row (actor `system`) per row actually inserted.
 */
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldDiff, HierarchyKind, HistoryEntityType, TenantId, Utility } from '@app/contracts';
import { HistoryRepository } from '../apps/system/src/history/history.repository';

type Row = Record<string, string | number | null>;

/** A UUID (version 5 layout) from the tenant and a stable key: the same on every run. */
export function seedId(tenantId: string, key: string): string {
  const h = createHash('sha256').update(`open-hes-demo:${tenantId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface NodeSpec {
  key: string;
  kind: HierarchyKind;
  name: string;
  code: string;
  children?: NodeSpec[];
}

const STREETS = ['Mill Street', 'Station Road', 'Church Lane', 'Park Avenue', 'High Street', 'Bridge Road', 'Orchard Way', 'School Lane'];
const DISTRICTS: { name: string; code: string; localities: string[] }[] = [
  { name: 'Riverside District', code: 'RIV', localities: ['Millbrook', 'Kingsford'] },
  { name: 'Hillcrest District', code: 'HIL', localities: ['Ashby', 'Greenfield'] },
  { name: 'Old Town District', code: 'OLD', localities: ['Castle Quarter', 'Market Quarter'] },
];

/** The territory and the electricity network of the demo tenant. */
export function demoHierarchy(): NodeSpec[] {
  const territory: NodeSpec = {
    key: 'region',
    kind: 'region',
    name: 'Northern Region',
    code: 'NR',
    children: DISTRICTS.map((d, di) => ({
      key: `district:${d.code}`,
      kind: 'district',
      name: d.name,
      code: `NR-${d.code}`,
      children: d.localities.map((l, li) => ({
        key: `locality:${d.code}:${li}`,
        kind: 'locality',
        name: l,
        code: `NR-${d.code}-${li + 1}`,
        children: [0, 1, 2, 3].map((b) => ({
          key: `building:${d.code}:${li}:${b}`,
          kind: 'building' as const,
          name: `${2 + b * 7 + di} ${STREETS[(li * 4 + b + di) % STREETS.length]}`,
          code: `NR-${d.code}-${li + 1}-B${b + 1}`,
        })),
      })),
    })),
  };
  const network: NodeSpec = {
    key: 'substation',
    kind: 'substation',
    name: 'Substation North 110/10 kV',
    code: 'SS-N',
    children: [1, 2].map((f) => ({
      key: `feeder:${f}`,
      kind: 'feeder',
      name: `Feeder F-${f}`,
      code: `SS-N-F${f}`,
      children: [1, 2].map((t) => ({ key: `transformer:${f}:${t}`, kind: 'transformer' as const, name: `Transformer TP-${f}0${t}`, code: `TP-${f}0${t}` })),
    })),
  };
  return [territory, network];
}

/** A meter model of the demo: its codec (libs/codecs registry id) and how it is addressed. */
export interface DemoModel {
  vendor: string;
  model: string;
  utility: Utility;
  codecId: string;
  registerUnit: string;
  serialPrefix: string;
  /** LoRaWAN: devEui prefix (10 hex digits); wM-Bus: FLAG manufacturer code. */
  lorawan?: string;
  wmbus?: string;
}

export const DEMO_MODELS: DemoModel[] = [
  { vendor: 'Axioma', model: 'Qalcosonic W1', utility: 'water', codecId: 'axioma/qalcosonic-w1', registerUnit: 'm3', serialPrefix: 'AXW1', lorawan: 'a8404100a1' },
  { vendor: 'Sensus', model: 'iPERL', utility: 'water', codecId: 'sensus/iperl', registerUnit: 'm3', serialPrefix: 'SIP', lorawan: '70b3d5e75e' },
  { vendor: 'Kamstrup', model: 'flowIQ 2200', utility: 'water', codecId: 'wmbus/kamwater', registerUnit: 'm3', serialPrefix: 'KFQ', wmbus: 'KAM' },
  { vendor: 'Diehl Metering', model: 'IZAR RC 868 I R4', utility: 'water', codecId: 'wmbus/izar', registerUnit: 'm3', serialPrefix: 'IZR', wmbus: 'DME' },
  { vendor: 'Apator', model: 'AT-WMBUS-16-2', utility: 'water', codecId: 'wmbus/apator162', registerUnit: 'm3', serialPrefix: 'APT', wmbus: 'APA' },
  { vendor: 'Elvaco', model: 'CMi4140 (Kamstrup MULTICAL 603)', utility: 'heat', codecId: 'elvaco/cmi4140', registerUnit: 'kWh', serialPrefix: 'ELV', lorawan: '94193a0302' },
  { vendor: 'Kamstrup', model: 'MULTICAL 403', utility: 'heat', codecId: 'wmbus/kamheat', registerUnit: 'kWh', serialPrefix: 'KMC', wmbus: 'KAM' },
  { vendor: 'Adeunis', model: 'Pulse (gas diaphragm meter G4)', utility: 'gas', codecId: 'adeunis/pulse', registerUnit: 'm3', serialPrefix: 'ADP', lorawan: '0018b20000' },
  { vendor: 'Adeunis', model: 'TIC CBE/Linky mono', utility: 'electricity', codecId: 'adeunis/tic-cbe-linky-mono', registerUnit: 'kWh', serialPrefix: 'ATL', lorawan: '0018b24000' },
  { vendor: 'Kamstrup', model: 'OMNIPOWER single phase', utility: 'electricity', codecId: 'wmbus/omnipower', registerUnit: 'kWh', serialPrefix: 'KOP', wmbus: 'KAM' },
];

/** Balance meters: one per district (water) and one per transformer (electricity). */
const BALANCE_MODELS: Record<'district' | 'transformer', DemoModel> = {
  district: { vendor: 'Sensus', model: 'iPERL DN40 (district meter)', utility: 'water', codecId: 'sensus/iperl', registerUnit: 'm3', serialPrefix: 'DMA', lorawan: '70b3d5e75f' },
  transformer: { vendor: 'EMU', model: 'Professional II LoRa', utility: 'electricity', codecId: 'emu/emu-prof-ii', registerUnit: 'kWh', serialPrefix: 'EMU', lorawan: 'a81758fffe' },
};

export const DEMO_GATEWAYS = [
  { key: 'gw:1', eui: '7276ff000b031f1a', name: 'GW Riverside water tower', model: 'Kerlink iStation', node: 'district:RIV', latitude: 52.5213, longitude: 13.4009, status: 'active' },
  { key: 'gw:2', eui: '0016c001f153a14c', name: 'GW Hillcrest school roof', model: 'MultiTech Conduit AP', node: 'district:HIL', latitude: 52.5342, longitude: 13.4267, status: 'active' },
  { key: 'gw:3', eui: 'ac1f09fffe0a7e21', name: 'GW Old Town church', model: 'RAKwireless RAK7289', node: 'district:OLD', latitude: 52.5166, longitude: 13.3889, status: 'active' },
  { key: 'gw:4', eui: '24e124fffef4a1b3', name: 'GW Substation North', model: 'Milesight UG67', node: 'substation', latitude: 52.5408, longitude: 13.3702, status: 'inactive' },
] as const;

/** How many meters of each model are installed in each building (by model index) and kept in stock. */
const PER_BUILDING = 7;
const IN_STOCK_PER_MODEL = 2;

export interface DemoRegistry {
  nodes: Row[];
  gateways: Row[];
  meters: Row[];
}

function flatten(tenantId: string, specs: NodeSpec[], parent: { id: string; path: string; depth: number } | null, out: Row[]): void {
  for (const spec of specs) {
    const id = seedId(tenantId, spec.key);
    const path = `${parent ? parent.path : '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    out.push({ id, parent_id: parent?.id ?? null, kind: spec.kind, name: spec.name, code: spec.code, path, depth });
    if (spec.children) flatten(tenantId, spec.children, { id, path, depth }, out);
  }
}

/** The demo registry's rows for a tenant: the same on every call. */
export function demoRegistry(tenantId: string): DemoRegistry {
  const nodes: Row[] = [];
  flatten(tenantId, demoHierarchy(), null, nodes);
  const gateways: Row[] = DEMO_GATEWAYS.map((g) => ({
    id: seedId(tenantId, g.key),
    eui: g.eui,
    name: g.name,
    model: g.model,
    latitude: g.latitude,
    longitude: g.longitude,
    node_id: seedId(tenantId, g.node),
    configuration: JSON.stringify({ band: 'EU868', backhaul: g.status === 'active' ? 'fiber' : 'lte' }),
    status: g.status,
  }));
  const counters = new Map<DemoModel, number>();
  const meters: Row[] = [];
  const meter = (m: DemoModel, status: string, nodeId: string | null, installedAt: string | null, installIndex: string | null): Row => {
    const n = (counters.get(m) ?? 0) + 1;
    counters.set(m, n);
    const serial = `${m.serialPrefix}-${String(24_000_000 + n * 37).padStart(8, '0')}`;
    const row: Row = {
      id: seedId(tenantId, `meter:${m.serialPrefix}:${n}`),
      serial,
      vendor: m.vendor,
      model: m.model,
      utility: m.utility,
      codec_id: m.codecId,
      node_id: nodeId,
      status,
      dev_eui: m.lorawan ? `${m.lorawan}${n.toString(16).padStart(6, '0')}` : null,
      wmbus_manufacturer: m.wmbus ?? null,
      wmbus_id: m.wmbus ? String(61_000_000 + DEMO_MODELS.indexOf(m) * 100_000 + n).padStart(8, '0') : null,
      multiplier: '1',
      register_unit: m.registerUnit,
      installed_at: installedAt,
      install_index: installIndex,
      removed_at: null,
      final_index: null,
      replaced_by_id: null,
      replaces_id: null,
    };
    meters.push(row);
    return row;
  };
  const buildings = nodes.filter((node) => node.kind === 'building');
  buildings.forEach((building, b) => {
    for (let k = 0; k < PER_BUILDING; k++) {
      const model = DEMO_MODELS[(b * PER_BUILDING + k) % DEMO_MODELS.length];
      const month = String(1 + ((b + k) % 12)).padStart(2, '0');
      meter(model, 'installed', building.id as string, `2024-${month}-${String(1 + ((b * 7 + k) % 27)).padStart(2, '0')}T08:00:00.000Z`, String((b * 13 + k * 7) % 50));
    }
  });
  for (const node of nodes.filter((n) => n.kind === 'district' || n.kind === 'transformer')) {
    meter(BALANCE_MODELS[node.kind as 'district' | 'transformer'], 'installed', node.id as string, '2023-11-01T00:00:00.000Z', '0');
  }
  for (const model of DEMO_MODELS) for (let k = 0; k < IN_STOCK_PER_MODEL; k++) meter(model, 'in_stock', null, null, null);
  // One replacement: the first building's first meter replaced a meter of the same model in March 2025.
  const replacement = meters[0];
  const old = meter(DEMO_MODELS[0], 'replaced', null, '2021-06-01T08:00:00.000Z', '0');
  Object.assign(old, { removed_at: '2025-03-14T09:30:00.000Z', final_index: '812.345', replaced_by_id: replacement.id });
  Object.assign(replacement, { installed_at: '2025-03-14T09:30:00.000Z', install_index: '0.002', replaces_id: old.id });
  return { nodes, gateways, meters };
}

/** Multi-row INSERT ... ON CONFLICT DO NOTHING RETURNING id; the ids of the rows that were new. */
async function insertMissing(manager: EntityManager, table: string, tenantId: string, rows: Row[], casts: Record<string, string> = {}): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const columns = Object.keys(rows[0]);
  const params: unknown[] = [tenantId];
  const values = rows.map((row) => `($1, ${columns.map((c) => (params.push(row[c]), `$${params.length}${casts[c] ?? ''}`)).join(', ')})`);
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO "system"."${table}" ("tenant_id", ${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING RETURNING "id"`,
    params,
  );
  return new Set(inserted.map((r) => r.id));
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const created = (row: Row): FieldDiff => Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== 'id' && v !== null).map(([k, v]) => [camel(k), { from: null, to: v }]));

/** Inserts what is missing of the demo registry; answers what was created, e.g. ["41 hierarchy nodes", ...]. */
export async function seedRegistry(dataSource: DataSource, tenantId: TenantId): Promise<string[]> {
  const registry = demoRegistry(tenantId);
  const history = new HistoryRepository(dataSource);
  return dataSource.transaction(async (manager) => {
    const nodes = await insertMissing(manager, 'hierarchy_nodes', tenantId, registry.nodes);
    const gateways = await insertMissing(manager, 'gateways', tenantId, registry.gateways, { configuration: '::jsonb' });
    const meters = await insertMissing(manager, 'meters', tenantId, registry.meters, { installed_at: '::timestamptz', removed_at: '::timestamptz' });
    const entries: { entityType: HistoryEntityType; entityId: string; action: 'create'; changes: FieldDiff }[] = [];
    const add = (entityType: HistoryEntityType, rows: Row[], ids: Set<string>) => {
      for (const row of rows) if (ids.has(row.id as string)) entries.push({ entityType, entityId: row.id as string, action: 'create', changes: created(row) });
    };
    add('hierarchy_node', registry.nodes, nodes);
    add('gateway', registry.gateways, gateways);
    add('meter', registry.meters, meters);
    if (entries.length > 0) await history.recordMany(manager, tenantId, entries);
    return [[nodes.size, 'hierarchy nodes'], [gateways.size, 'gateways'], [meters.size, 'meters']].filter(([count]) => Number(count) > 0).map(([count, what]) => `${count} ${what}`);
  });
}
