import type { Actor, ImportRequest, TenantId } from '@app/contracts';
import { SystemHarness } from '../../test/system-harness';
import { tenantScope } from '../access/read-scope';
import { ConsumerImportRpc } from '../consumers/consumer-import.rpc';
import { ConsumersService } from '../consumers/consumers.service';
import { HierarchyRpc } from '../hierarchy/hierarchy.rpc';
import { HistoryRepository } from '../history/history.repository';
import { ServicePointImportRpc } from '../service-points/service-point-import.rpc';

function file(columns: string[], rows: Record<string, string>[], mode: ImportRequest['mode']): ImportRequest {
  return { mode, columns, rows: rows.map((r, i) => ({ line: i + 2, cells: columns.map((c) => r[c] ?? '') })) };
}

describe('consumer and service point import (real PostgreSQL)', () => {
  let h: SystemHarness;
  let tenantId: TenantId;
  let admin: Actor;

  beforeAll(async () => {
    h = await SystemHarness.start();
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
    admin = { ...admin, ip: '198.51.100.4' };
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = <T>(work: () => Promise<T>, actor = admin) => h.as(actor, work);

  it('imports consumers by the rule of a single creation, account numbers unique per tenant', async () => {
    const importer = h.get(ConsumerImportRpc);
    const columns = ['kind', 'accountNumber', 'name', 'taxId', 'email'];
    const rows: Record<string, string>[] = [
      { kind: 'residential', accountNumber: 'ACC-1', name: 'Ann Lee', email: 'ANN@Example.org' },
      { kind: 'non_residential', accountNumber: 'ACC-2', name: 'Bakery Ltd' },
      { kind: 'residential', accountNumber: 'ACC 3', name: '' },
      { kind: 'residential', accountNumber: 'ACC-1', name: 'Twin' },
      { kind: 'non_residential', accountNumber: 'ACC-5', name: 'Mill', taxId: 'EE100' },
    ];
    const refused = await as(() => importer.import(file(columns, rows, 'all-or-nothing'))).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNPROCESSABLE' });
    expect((refused as { fields: { line: number; field: string }[] }).fields.map((f) => [f.line, f.field])).toEqual([
      [3, 'taxId'],
      [4, 'accountNumber'],
      [4, 'name'],
      [5, 'accountNumber'],
    ]);
    const report = await as(() => importer.import(file(columns, rows, 'valid-rows-only')));
    expect(report).toMatchObject({ total: 5, created: 2, rejected: 3 });
    const page = await h.get(ConsumersService).list(tenantScope(tenantId), {});
    expect(page.items.map((c) => [c.accountNumber, c.email])).toEqual([
      ['ACC-1', 'ann@example.org'],
      ['ACC-5', null],
    ]);
    const [entry] = await h.get(HistoryRepository).list(tenantId, { entityType: 'consumer', entityId: page.items[0].id, limit: 5 });
    expect(entry).toMatchObject({ action: 'create', actorId: admin.id, ip: '198.51.100.4', changes: { accountNumber: { from: null, to: 'ACC-1' } } });
    const again = await as(() => importer.import(file(columns, [rows[0]], 'valid-rows-only')));
    expect(again.errors).toEqual([{ line: 2, field: 'accountNumber', message: 'a consumer with this account number already exists' }]);
    const other = await h.tenantWithAdmin();
    expect(await as(() => importer.import(file(columns, [rows[0]], 'all-or-nothing')), other.adminActor)).toMatchObject({ created: 1 });
  });

  it('imports service points: consumer and node must be the tenant\'s', async () => {
    const consumerId = (await h.get(ConsumersService).list(tenantScope(tenantId), {})).items[0].id;
    const node = await as(() => h.get(HierarchyRpc).create({ kind: 'region', name: 'SP region' }));
    const other = await h.tenantWithAdmin();
    const foreignNode = await as(() => h.get(HierarchyRpc).create({ kind: 'region', name: 'Foreign' }), other.adminActor);
    const columns = ['code', 'utility', 'consumerId', 'nodeId', 'address'];
    const rows: Record<string, string>[] = [
      { code: 'SP-1', utility: 'water', consumerId, nodeId: node.id, address: 'Main St 1' },
      { code: 'SP-2', utility: 'gas', nodeId: foreignNode.id },
      { code: 'SP-3', utility: 'steam' },
      { code: 'SP-1', utility: 'heat' },
      { code: 'SP-5', utility: 'electricity', consumerId: '00000000-0000-4000-8000-000000000000' },
    ];
    const report = await as(() => h.get(ServicePointImportRpc).import(file(columns, rows, 'valid-rows-only')));
    expect(report).toMatchObject({ total: 5, created: 1, rejected: 4 });
    expect(report.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [3, 'nodeId', 'hierarchy node not found'],
      [4, 'utility', expect.stringMatching(/must be one of/)],
      [5, 'code', 'this code repeats line 2 of this file'],
      [6, 'consumerId', 'consumer not found'],
    ]);
    const history = await h.get(HistoryRepository).list(tenantId, { entityType: 'service_point', limit: 10 });
    expect(history.map((r) => [r.action, r.changes.code])).toEqual([['create', { from: null, to: 'SP-1' }]]);
  });
});
