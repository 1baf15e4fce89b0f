import type { ConsumerPage, ConsumerView, HierarchyNodeView, HistoryPage, MeterPage, MeterView, ServicePointPage, ServicePointView } from '@app/contracts';
import { Stack, apiCall, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const API = '/api/v1';
const PASSWORD = 'Cabinet-Scope-2025!';

/** The ids one consumer owns: its record, a service point of it, a meter serving that point. */
interface Owned {
  consumer: string;
  servicePoint: string;
  meter: string;
}

/**
 * Every consumer-facing read by id. THE TEMPLATE: a later feature (readings, invoices) adds its
 * rows here (and, if needed, an id to `Owned`), and the tests below prove for it that consumer A
 * reads its own, and that consumer A asking for B's, and another tenant's user asking for A's, get 404.
 */
const BY_ID: { resource: string; path: (ids: Owned) => string }[] = [
  { resource: 'consumer', path: (ids) => `/consumers/${ids.consumer}` },
  { resource: 'consumer history', path: (ids) => `/consumers/${ids.consumer}/history` },
  { resource: 'service point', path: (ids) => `/service-points/${ids.servicePoint}` },
  { resource: 'service point history', path: (ids) => `/service-points/${ids.servicePoint}/history` },
  { resource: 'meters of a service point', path: (ids) => `/service-points/${ids.servicePoint}/meters` },
  { resource: 'meter', path: (ids) => `/meters/${ids.meter}` },
  { resource: 'meter history', path: (ids) => `/meters/${ids.meter}/history` },
  { resource: 'service points of a meter', path: (ids) => `/meters/${ids.meter}/service-points` },
];

/** Every consumer-facing listing, and the ids of each item, to prove a consumer's list holds only its own. */
const LISTS: { resource: string; path: string; ids: (body: unknown) => string[]; own: (ids: Owned) => string[] }[] = [
  { resource: 'consumers', path: '/consumers', ids: (body) => (body as ConsumerPage).items.map((c) => c.id), own: (ids) => [ids.consumer] },
  { resource: 'service points', path: '/service-points', ids: (body) => (body as ServicePointPage).items.map((p) => p.id), own: (ids) => [ids.servicePoint] },
  { resource: 'meters', path: '/meters', ids: (body) => (body as MeterPage).items.map((m) => m.id), own: (ids) => [ids.meter] },
];

describe('consumer scoping over HTTP: a consumer sees only its own, everything else is 404 like another tenant', () => {
  let stack: Stack;
  let admin: string;
  let a: Owned;
  let b: Owned;
  let consumerA: string;
  let otherTenant: string;
  const call = <T>(token: string, method: string, path: string, body?: unknown) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, ...(body === undefined ? {} : { body }) });

  /** A consumer with a service point at `nodeId`, a meter serving it, and a consumer login. */
  const household = async (name: string, nodeId: string): Promise<{ ids: Owned; email: string }> => {
    const consumer = await call<ConsumerView>(admin, 'POST', '/consumers', { kind: 'residential', accountNumber: `E2E-${name}`, name: `Household ${name}`, email: `${name}@example.test` });
    expect(consumer.status).toBe(201);
    const point = await call<ServicePointView>(admin, 'POST', '/service-points', { code: `E2E-SP-${name}`, utility: 'water', consumerId: consumer.body.id, nodeId });
    expect(point.status).toBe(201);
    const meter = await call<MeterView>(admin, 'POST', '/meters', { serial: `E2E-M-${name}`, vendor: 'Acme', utility: 'water' });
    const attached = await call(admin, 'POST', `/service-points/${point.body.id}/meters/attach`, { meterId: meter.body.id, validFrom: '2025-01-01T00:00:00Z' });
    expect(attached.status).toBe(200);
    const email = `consumer-${name.toLowerCase()}@cabinet.example`;
    const user = await call(admin, 'POST', '/users', { email, displayName: `Consumer ${name}`, password: PASSWORD, roles: ['consumer'], consumerId: consumer.body.id });
    expect(user.status).toBe(201);
    return { ids: { consumer: consumer.body.id, servicePoint: point.body.id, meter: meter.body.id }, email };
  };

  beforeAll(async () => {
    stack = await Stack.start();
    admin = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    const node = await call<HierarchyNodeView>(admin, 'POST', '/hierarchy', { kind: 'region', name: 'E2E cabinet region' });
    const first = await household('A', node.body.id);
    const second = await household('B', node.body.id);
    [a, b] = [first.ids, second.ids];
    consumerA = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, first.email, PASSWORD)).accessToken;
    const root = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const created = await call(root.accessToken, 'POST', '/tenants', {
      slug: 'cabinet-other',
      name: 'Other utility',
      admin: { email: 'admin@cabinet-other.example', displayName: 'Other', password: 'Other-Admin-2025!' },
    });
    expect(created.status).toBe(201);
    otherTenant = (await signIn(stack.gatewayUrl, 'cabinet-other', 'admin@cabinet-other.example', 'Other-Admin-2025!')).accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each(BY_ID)('consumer A reads its own $resource', async ({ path }) => {
    const answer = await call(consumerA, 'GET', path(a));
    expect({ path: path(a), status: answer.status }).toEqual({ path: path(a), status: 200 });
  });

  it.each(BY_ID)("consumer A asking for B's $resource gets 404, never the data", async ({ path }) => {
    const answer = await call<{ error: { code: string } }>(consumerA, 'GET', path(b));
    expect({ path: path(b), status: answer.status, code: answer.body.error?.code }).toEqual({ path: path(b), status: 404, code: 'NOT_FOUND' });
    expect(JSON.stringify(answer.body)).not.toMatch(/E2E-(SP-|M-)?B|Household B/);
  });

  it.each(BY_ID)("a user of another tenant asking for A's $resource gets 404", async ({ path }) => {
    const answer = await call<{ error: { code: string } }>(otherTenant, 'GET', path(a));
    expect({ path: path(a), status: answer.status, code: answer.body.error?.code }).toEqual({ path: path(a), status: 404, code: 'NOT_FOUND' });
  });

  it.each(LISTS)('the $resource list of consumer A holds only its own', async ({ path, ids, own }) => {
    const answer = await call(consumerA, 'GET', path);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(own(a));
    const operator = await call(admin, 'GET', `${path}?limit=500`);
    expect(ids(operator.body)).toEqual(expect.arrayContaining([...own(a), ...own(b)]));
  });

  it('serves the cabinet its own record, shows history without other actors, and refuses writes', async () => {
    const mine = await call<ConsumerView>(consumerA, 'GET', '/me/consumer');
    expect(mine.body).toMatchObject({ id: a.consumer, accountNumber: 'E2E-A' });
    const history = await call<HistoryPage>(consumerA, 'GET', `/service-points/${a.servicePoint}/history`);
    expect(history.body.items.map((e) => e.action)).toEqual(['attach_meter', 'create']);
    expect(history.body.items.every((e) => e.actorId === null && e.ip === null)).toBe(true);
    const operatorView = await call<HistoryPage>(admin, 'GET', `/service-points/${a.servicePoint}/history`);
    expect(operatorView.body.items.every((e) => typeof e.actorId === 'string' && typeof e.ip === 'string')).toBe(true);
    expect((await call(consumerA, 'PATCH', `/consumers/${a.consumer}`, { name: 'Mine' })).status).toBe(403);
    expect((await call(consumerA, 'POST', `/service-points/${a.servicePoint}/meters/detach`, { meterId: a.meter, validTo: '2026-01-01T00:00:00Z' })).status).toBe(403);
    expect((await call(consumerA, 'GET', '/history')).status).toBe(403);
    expect((await call(admin, 'GET', '/me/consumer')).status).toBe(404);
  });

  it('refuses bad input naming the field, and a consumer link to a consumer the tenant does not have', async () => {
    const bad = await call<{ error: { code: string; fields: { field: string }[] } }>(admin, 'POST', '/consumers', { kind: 'non_residential', accountNumber: 'E2E-C', name: 'Shop' });
    expect([bad.status, bad.body.error.code, bad.body.error.fields.map((f) => f.field)]).toEqual([400, 'VALIDATION_FAILED', ['taxId']]);
    const link = await call<{ error: { code: string } }>(otherTenant, 'POST', '/users', { email: 'x@cabinet-other.example', displayName: 'X', password: PASSWORD, roles: ['consumer'], consumerId: a.consumer });
    expect([link.status, link.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
