import type { DataSource } from 'typeorm';
import type { Actor, ImportRequest, TenantId } from '@app/contracts';
import { METER_IMPORT_COLUMNS } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { SystemHarness } from '../../test/system-harness';
import { GatewaysRpc } from '../gateways/gateways.rpc';
import { HierarchyRpc } from '../hierarchy/hierarchy.rpc';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from '../meters/meters.rpc';
import { MetersService } from '../meters/meters.service';

const APP_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
const COLUMNS = ['serial', 'vendor', 'utility', 'devEui', 'appKey', 'wmbusManufacturer', 'wmbusId', 'nodeId', 'multiplier'];

/** Rows from objects keyed by column; the first data row is line 2 (the header is line 1). */
function file(rows: Record<string, string>[], mode: ImportRequest['mode'], columns = COLUMNS, firstLine = 2): ImportRequest {
  return { mode, columns, rows: rows.map((r, i) => ({ line: firstLine + i, cells: columns.map((c) => r[c] ?? '') })) };
}

describe('registry import (real PostgreSQL)', () => {
  let h: SystemHarness;
  let meters: MetersRpc;
  let tenantId: TenantId;
  let admin: Actor;
  let nodeId: string;

  beforeAll(async () => {
    h = await SystemHarness.start();
    meters = h.get(MetersRpc);
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
    admin = { ...admin, ip: '203.0.113.7' };
    nodeId = (await h.as(admin, () => h.get(HierarchyRpc).create({ kind: 'region', name: 'Import region' }))).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);
  const db = () => h.app.get<DataSource>(POSTGRES);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number(((await db().query(sql, params)) as { n: string }[])[0].n);

  it('all-or-nothing: one bad row and nothing is written; every error has its line and column', async () => {
    await h.get(MetersService).create(tenantId, { serial: 'DB-1', vendor: 'Acme', utility: 'water', lorawan: { devEui: '00000000000000aa' } });
    const request = file(
      [
        { serial: 'A-1', vendor: 'Acme', utility: 'water' },
        { serial: 'A-2', vendor: 'Acme', utility: 'steam' },
        { serial: '', vendor: 'Acme', utility: 'gas', devEui: 'xyz' },
        { serial: 'A-1', vendor: 'Acme', utility: 'gas' },
        { serial: 'DB-1', vendor: 'Acme', utility: 'gas', devEui: '00000000000000AA' },
        { serial: 'A-5', vendor: 'Acme', utility: 'gas', nodeId: '6b1f4c1e-0000-4000-8000-000000000000' },
        { serial: 'A-6', vendor: 'Acme', utility: 'gas', multiplier: '-1' },
      ],
      'all-or-nothing',
    );
    const before = await count(`SELECT count(*) AS n FROM system.meters WHERE tenant_id = $1`, [tenantId]);
    const error = await as(() => meters.import(request)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringMatching(/6 of 7 rows/) });
    expect((error as { fields: unknown[] }).fields).toEqual([
      { line: 3, field: 'utility', message: expect.stringMatching(/must be one of/) },
      { line: 4, field: 'serial', message: 'is required' },
      { line: 4, field: 'devEui', message: expect.stringMatching(/must match/) },
      { line: 5, field: 'serial', message: 'this vendor and serial repeats line 2 of this file' },
      { line: 6, field: 'serial', message: 'a meter of this vendor with this serial number already exists' },
      { line: 6, field: 'devEui', message: 'a meter with this devEui already exists' },
      { line: 7, field: 'nodeId', message: 'hierarchy node not found' },
      { line: 8, field: 'multiplier', message: expect.stringMatching(/must match/) },
    ]);
    expect(await count(`SELECT count(*) AS n FROM system.meters WHERE tenant_id = $1`, [tenantId])).toBe(before);
  });

  it('valid-rows-only: good rows are written with keys sealed and a history row each (who, when, from where)', async () => {
    const request = file(
      [
        { serial: 'V-1', vendor: 'Kamstrup', utility: 'heat', wmbusManufacturer: 'kam', wmbusId: '12345678', nodeId },
        { serial: 'V-2', vendor: 'Kamstrup', utility: 'heat', wmbusManufacturer: 'KAM', wmbusId: '12345678' },
        { serial: 'V-3', vendor: 'Acme', utility: 'electricity', devEui: '70B3D5E75E00ABCD', appKey: APP_KEY.toUpperCase(), multiplier: '2.5' },
      ],
      'valid-rows-only',
      COLUMNS,
      10,
    );
    const report = await as(() => meters.import(request));
    expect(report).toEqual({ mode: 'valid-rows-only', total: 3, created: 2, rejected: 1, errors: [{ line: 11, field: 'wmbusId', message: 'this wM-Bus manufacturer and id repeats line 10 of this file' }] });
    const page = await as(() => meters.list({ search: 'V-' }));
    expect(page.items.map((m) => [m.serial, m.status, m.nodeId, m.wmbus?.manufacturer ?? null, m.lorawan?.hasAppKey ?? null])).toEqual([
      ['V-1', 'in_stock', nodeId, 'KAM', null],
      ['V-3', 'in_stock', null, null, true],
    ]);
    const v3 = page.items[1];
    expect(Number(v3.multiplier)).toBe(2.5);
    expect(await h.get(MetersService).keysOf(tenantId, v3.id)).toEqual({ appKey: APP_KEY, aesKey: null });
    const [entry] = await h.get(HistoryRepository).list(tenantId, { entityType: 'meter', entityId: v3.id, limit: 5 });
    expect(entry).toMatchObject({ action: 'create', actorKind: 'user', actorId: admin.id, ip: '203.0.113.7' });
    expect(entry.changes).toMatchObject({ serial: { from: null, to: 'V-3' }, appKey: { from: null, to: '[changed]' } });
    expect(JSON.stringify(entry.changes)).not.toContain(APP_KEY);
  });

  it('writes a large file in a few statements with one history row per meter', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ serial: `BULK-${String(i).padStart(6, '0')}`, vendor: 'Bulk', utility: 'water' }));
    const report = await as(() => meters.import(file(rows, 'all-or-nothing', ['serial', 'vendor', 'utility'])));
    expect(report).toMatchObject({ total: 12_000, created: 12_000, rejected: 0, errors: [] });
    await db().query(`ANALYZE system.meters`);
    await db().query(`ANALYZE system.change_history`);
    const ids = `SELECT id FROM system.meters WHERE tenant_id = $1 AND vendor = 'Bulk'`;
    expect(await count(`SELECT count(*) AS n FROM (${ids}) m`, [tenantId])).toBe(12_000);
    expect(await count(`SELECT count(*) AS n FROM system.change_history WHERE tenant_id = $1 AND entity_type = 'meter' AND action = 'create' AND entity_id IN (${ids})`, [tenantId])).toBe(12_000);
  }, 60_000);

  it('checks duplicates within the tenant only, and refuses unknown columns naming them', async () => {
    const other = await h.tenantWithAdmin();
    const report = await as(() => meters.import(file([{ serial: 'DB-1', vendor: 'Acme', utility: 'water', devEui: '00000000000000aa' }], 'all-or-nothing')), other.adminActor);
    expect(report).toMatchObject({ created: 1, errors: [] });
    expect((await as(() => meters.list({ search: 'DB-1' }), other.adminActor)).items).toHaveLength(1);
    await expect(as(() => meters.import(file([{ serial: 'DB-1', vendor: 'Acme', utility: 'gas' }], 'all-or-nothing')), other.adminActor)).rejects.toMatchObject({ code: 'UNPROCESSABLE', fields: [{ line: 2, field: 'serial' }] });
    const unknown = await as(() => meters.import({ mode: 'all-or-nothing', columns: ['serial', 'vendor', 'utility', 'colour', 'size'], rows: [] })).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ line: 1, field: 'columns', message: expect.stringMatching(/^unknown columns: colour, size/) }] });
    await expect(as(() => meters.import({ mode: 'all-or-nothing', columns: ['serial'], rows: [] }))).rejects.toMatchObject({ fields: [{ message: 'missing required columns: vendor, utility' }] });
    expect(METER_IMPORT_COLUMNS).toEqual(expect.arrayContaining(COLUMNS));
  });

  it('imports gateways with the rules of a single creation', async () => {
    const gateways = h.get(GatewaysRpc);
    await as(() => gateways.create({ eui: 'B827EBFFFE000001', name: 'Existing' }));
    const columns = ['eui', 'name', 'latitude', 'longitude', 'status', 'configuration', 'nodeId'];
    const request = file(
      [
        { eui: 'B827EBFFFE0000A1', name: 'Roof A', latitude: '59.43', longitude: '24.75', configuration: '{"channelPlan":"EU868"}', nodeId },
        { eui: 'b827ebfffe000001', name: 'Dup of DB' },
        { eui: 'B827EBFFFE0000A2', name: 'Bad', latitude: '95', status: 'broken', configuration: 'not json' },
        { eui: 'b827ebfffe0000a1', name: 'Dup in file' },
      ],
      'valid-rows-only',
      columns,
    );
    const report = await as(() => gateways.import(request));
    expect(report).toMatchObject({ total: 4, created: 1, rejected: 3 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'eui'],
      [4, 'latitude'],
      [4, 'configuration'],
      [4, 'status'],
      [5, 'eui'],
    ]);
    const created = (await as(() => gateways.list())).find((g) => g.name === 'Roof A');
    expect(created).toMatchObject({ eui: 'b827ebfffe0000a1', latitude: 59.43, configuration: { channelPlan: 'EU868' }, nodeId, status: 'active' });
    const rows = await h.get(HistoryRepository).list(tenantId, { entityType: 'gateway', entityId: created?.id, limit: 5 });
    expect(rows.map((r) => [r.action, r.ip])).toEqual([['create', '203.0.113.7']]);
  });
});
