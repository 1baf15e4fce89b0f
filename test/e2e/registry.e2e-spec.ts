import type { HierarchyNodeView, HistoryPage, MeterPage, MeterView, ReplacedMeters } from '@app/contracts';
import { Stack, apiCall, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(120_000);

const API = '/api/v1';
const APP_KEY = '2b7e151628aed2a6abf7158809cf4f3c';

describe('registry over HTTP against the real stack (seeded): hierarchy, meters, lifecycle, history', () => {
  let stack: Stack;
  let token: string;
  const call = <T>(method: string, path: string, options?: Parameters<typeof apiCall>[3]) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, ...options });

  beforeAll(async () => {
    stack = await Stack.start();
    token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a node and meters, installs, replaces, and reads the history; the key never comes back', async () => {
    const region = await call<HierarchyNodeView>('POST', '/hierarchy', { body: { kind: 'region', name: 'E2E region' } });
    expect(region.status).toBe(201);
    const district = await call<HierarchyNodeView>('POST', '/hierarchy', { body: { kind: 'district', name: 'E2E district', parentId: region.body.id } });
    expect(district.body).toMatchObject({ parentId: region.body.id, depth: 1 });
    const badKind = await call<{ error: { code: string } }>('POST', '/hierarchy', { body: { kind: 'feeder', name: 'F', parentId: region.body.id } });
    expect([badKind.status, badKind.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const old = await call<MeterView>('POST', '/meters', { body: { serial: 'E2E-OLD', vendor: 'Acme', utility: 'water', lorawan: { devEui: '70B3D5E75E0000A1', appKey: APP_KEY } } });
    expect(old.status).toBe(201);
    expect(old.body.lorawan).toEqual({ devEui: '70b3d5e75e0000a1', joinEui: null, hasAppKey: true });
    expect(JSON.stringify(old.body)).not.toContain(APP_KEY);
    const fresh = await call<MeterView>('POST', '/meters', { body: { serial: 'E2E-NEW', vendor: 'Acme', utility: 'water' } });
    const badEui = await call('POST', '/meters', { body: { serial: 'E2E-BAD', vendor: 'Acme', utility: 'water', lorawan: { devEui: 'xyz' } } });
    expect(badEui.status).toBe(400);

    const installed = await call<MeterView>('POST', `/meters/${old.body.id}/install`, { body: { nodeId: district.body.id, installedAt: '2025-01-01T00:00:00Z', initialIndex: '10' } });
    expect(installed).toMatchObject({ status: 200, body: { status: 'installed', nodeId: district.body.id } });
    const replaced = await call<ReplacedMeters>('POST', `/meters/${old.body.id}/replace`, {
      body: { newMeterId: fresh.body.id, replacedAt: '2025-06-01T00:00:00Z', oldFinalIndex: '150.5', newInitialIndex: '0' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.old).toMatchObject({ status: 'replaced', replacedById: fresh.body.id });
    expect(replaced.body.new).toMatchObject({ status: 'installed', nodeId: district.body.id, replacesId: old.body.id });
    const again = await call<{ error: { code: string } }>('POST', `/meters/${old.body.id}/install`, { body: { nodeId: district.body.id, installedAt: '2025-07-01T00:00:00Z', initialIndex: '0' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);

    const inRegion = await call<MeterPage>('GET', `/meters?nodeId=${region.body.id}`);
    expect(inRegion.body.items.map((m) => m.serial)).toEqual(['E2E-NEW']);
    const history = await call<HistoryPage>('GET', `/meters/${old.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e) => e.action)).toEqual(['replace', 'install', 'create']);
    expect(history.body.items[2].changes.appKey).toEqual({ from: null, to: '[changed]' });
    expect(history.body.items.every((e) => e.actorKind === 'user' && typeof e.ip === 'string' && e.ip.length > 0)).toBe(true);
    expect(JSON.stringify(history.body)).not.toContain(APP_KEY);
    const all = await call<HistoryPage>('GET', `/history?entityType=meter&entityId=${fresh.body.id}`);
    expect(all.body.items.map((e) => e.action)).toEqual(['replace', 'create']);
    const nodeHistory = await call<HistoryPage>('GET', `/hierarchy/${district.body.id}/history`);
    expect(nodeHistory.body.items.map((e) => e.action)).toEqual(['create']);
    const busy = await call('DELETE', `/hierarchy/${district.body.id}`);
    expect(busy.status).toBe(409);
  });

  it('records an API key as the actor of the changes it makes', async () => {
    const key = await call<{ id: string; key: string }>('POST', '/api-keys', { body: { name: 'registry writer', permissions: ['devices:write', 'history:read'] } });
    expect(key.status).toBe(201);
    const meter = await call<MeterView>('POST', '/meters', { token: undefined, apiKey: key.body.key, body: { serial: 'E2E-BY-KEY', vendor: 'Acme', utility: 'heat' } });
    expect(meter.status).toBe(201);
    const history = await call<HistoryPage>('GET', `/meters/${meter.body.id}/history`, { token: undefined, apiKey: key.body.key });
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', actorKind: 'api_key', actorId: key.body.id })]);
  });

  it('answers 404 to a user of another tenant, never the data', async () => {
    const meter = await call<MeterView>('POST', '/meters', { body: { serial: 'E2E-PRIVATE', vendor: 'Acme', utility: 'gas' } });
    const node = await call<HierarchyNodeView>('POST', '/hierarchy', { body: { kind: 'region', name: 'E2E private' } });
    const root = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const created = await call('POST', '/tenants', {
      token: root.accessToken,
      body: { slug: 'registry-other', name: 'Other', admin: { email: 'admin@registry-other.example', displayName: 'Other', password: 'Other-Admin-2025!' } },
    });
    expect(created.status).toBe(201);
    const other = (await signIn(stack.gatewayUrl, 'registry-other', 'admin@registry-other.example', 'Other-Admin-2025!')).accessToken;
    const answers = await Promise.all([
      call<{ error: { code: string } }>('GET', `/meters/${meter.body.id}`, { token: other }),
      call<{ error: { code: string } }>('PATCH', `/meters/${meter.body.id}`, { token: other, body: { model: 'pwned' } }),
      call<{ error: { code: string } }>('POST', `/meters/${meter.body.id}/archive`, { token: other }),
      call<{ error: { code: string } }>('PATCH', `/hierarchy/${node.body.id}`, { token: other, body: { name: 'pwned' } }),
      call<{ error: { code: string } }>('DELETE', `/hierarchy/${node.body.id}`, { token: other }),
    ]);
    for (const answer of answers) {
      expect([answer.status, answer.body.error.code]).toEqual([404, 'NOT_FOUND']);
      expect(JSON.stringify(answer.body)).not.toContain('E2E-PRIVATE');
    }
    expect((await call<MeterPage>('GET', '/meters', { token: other })).body.items).toEqual([]);
    expect((await call<HistoryPage>('GET', `/meters/${meter.body.id}/history`, { token: other })).status).toBe(404);
  });
});
