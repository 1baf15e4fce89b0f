import { randomUUID } from 'node:crypto';
import { ClickHouseStore } from '@app/clickhouse';
import type { CreatedApiKey, DeadLetter, DeadLetterCounts, DeadLetterPage, UnassignedPage } from '@app/contracts';
import { Stack, apiCall, signIn, testServices } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const NOBODY = '00000000-0000-0000-0000-000000000000';
const T = Date.parse('2025-03-01T08:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);

type ErrorBody = { error?: { code: string; fields?: Array<{ field: string }> } };

/** The gateway's ingest read routes over HTTP, on the whole stack, with rows seeded into the stack's ClickHouse. */
describe('GET /api/v1/ingest/* (dead letters, unassigned uplinks)', () => {
  let stack: Stack;
  let store: ClickHouseStore;
  let root: string;
  let demoAdmin: string;
  let otherAdmin: string;
  let billingKey: string;
  let demoTenantId: string;
  let otherTenantId: string;

  const get = <T>(token: string | undefined, path: string) => apiCall<T & ErrorBody>(stack.gatewayUrl, 'GET', `/api/v1/ingest${path}`, token ? { token } : {});
  const refusal = async (token: string, path: string) => {
    const answer = await get(token, path);
    return { status: answer.status, code: answer.body.error?.code, fields: answer.body.error?.fields?.map((f) => f.field) };
  };

  const deadLetter = (tenant: string, id: string, second: number, code: string, devEui = '') => ({
    tenant_id: tenant,
    id,
    received_at: at(second),
    topic: devEui ? `application/${randomUUID()}/device/${devEui}/event/up` : 'not/a/chirpstack/topic',
    dev_eui: devEui,
    event: devEui ? 'up' : '',
    code,
    field: 'payload',
    message: `${code} of ${id}`,
    raw_base64: Buffer.from(`{"id":"${id}"}`).toString('base64'),
    version: 1n,
  });

  beforeAll(async () => {
    stack = await Stack.start();
    const platform = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    root = platform.accessToken;
    const demo = await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD);
    demoAdmin = demo.accessToken;
    demoTenantId = demo.me.tenant.id;
    const created = await apiCall(stack.gatewayUrl, 'POST', '/api/v1/tenants', {
      token: root,
      body: { slug: 'dl-other', name: 'Other utility', admin: { email: 'admin@dl-other.example', displayName: 'Other', password: 'Other-Admin-2025!' } },
    });
    expect(created.status).toBe(201);
    const other = await signIn(stack.gatewayUrl, 'dl-other', 'admin@dl-other.example', 'Other-Admin-2025!');
    otherAdmin = other.accessToken;
    otherTenantId = other.me.tenant.id;
    const key = await apiCall<CreatedApiKey>(stack.gatewayUrl, 'POST', '/api/v1/api-keys', { token: demoAdmin, body: { name: 'billing only', permissions: ['billing:read'] } });
    billingKey = key.body.key;

    store = new ClickHouseStore({ url: testServices.clickhouseUrl, database: stack.env.CLICKHOUSE_DB ?? '', requestTimeoutMs: 20_000 });
    await store.insert('dead_letters', [
      deadLetter(NOBODY, 'nobody-1', 0, 'MALFORMED_JSON'),
      deadLetter(demoTenantId, 'demo-1', 10, 'CODEC_REJECTED', '70b3d5e75e000001'),
      deadLetter(demoTenantId, 'demo-2', 20, 'CODEC_REJECTED', '70b3d5e75e000002'),
      deadLetter(otherTenantId, 'other-1', 30, 'CODEC_REJECTED', '70b3d5e75e000003'),
    ]);
    await store.insert(
      'unassigned_uplinks',
      [1, 2].map((n) => ({
        dev_eui: '70b3d5e75e0000ff',
        application_id: randomUUID(),
        ts: at(n * 60),
        received_at: at(n * 60),
        event: 'up',
        deduplication_id: `dedup-${n}`,
        f_cnt: n,
        f_port: 1,
        payload_hex: 'aa',
        topic: 'application/x/device/70b3d5e75e0000ff/event/up',
        raw: '{}',
        reason: 'unknown',
        assigned: 0,
        version: 1n,
      })),
    );
  });
  afterAll(async () => {
    await store?.close();
    await stack?.stop();
  });

  it('shows a platform administrator every dead letter, nobody\'s with tenantId null, paged without gaps or repeats', async () => {
    const all = await get<DeadLetterPage>(root, '/dead-letters');
    expect(all.status).toBe(200);
    expect(all.body.items.map((d: DeadLetter) => [d.id, d.tenantId])).toEqual([
      ['other-1', otherTenantId],
      ['demo-2', demoTenantId],
      ['demo-1', demoTenantId],
      ['nobody-1', null],
    ]);
    expect(all.body.items[3]).toMatchObject({ raw: '{"id":"nobody-1"}', devEui: null, code: 'MALFORMED_JSON', receivedAt: at(0).toISOString() });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof get<DeadLetterPage>>> = await get<DeadLetterPage>(root, `/dead-letters?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual(['other-1', 'demo-2', 'demo-1', 'nobody-1']);

    const counts = await get<DeadLetterCounts>(root, '/dead-letters/counts');
    expect(counts.body).toEqual({ total: 4, byCode: { CODEC_REJECTED: 3, MALFORMED_JSON: 1 } });
    const filtered = await get<DeadLetterPage>(root, `/dead-letters?code=CODEC_REJECTED&from=${encodeURIComponent(at(10).toISOString())}&to=${encodeURIComponent(at(30).toISOString())}`);
    expect(filtered.body.items.map((d) => d.id)).toEqual(['demo-2', 'demo-1']);
  });

  it('shows a tenant user only its own tenant\'s dead letters, and refuses a tenantId in the query', async () => {
    const demo = await get<DeadLetterPage>(demoAdmin, '/dead-letters');
    expect(demo.body.items.map((d) => d.id)).toEqual(['demo-2', 'demo-1']);
    expect((await get<DeadLetterCounts>(demoAdmin, '/dead-letters/counts')).body).toEqual({ total: 2, byCode: { CODEC_REJECTED: 2 } });
    const other = await get<DeadLetterPage>(otherAdmin, '/dead-letters');
    expect(other.body.items.map((d) => d.id)).toEqual(['other-1']);
    expect((await get<DeadLetterPage>(otherAdmin, '/dead-letters?devEui=70B3D5E75E000001')).body.items).toEqual([]);

    expect(await refusal(demoAdmin, `/dead-letters?tenantId=${otherTenantId}`)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['tenantId'] });
    expect(await refusal(demoAdmin, `/dead-letters/counts?tenantId=${otherTenantId}`)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['tenantId'] });
  });

  it('lists unassigned uplinks and their devices to a platform administrator only', async () => {
    const page = await get<UnassignedPage>(root, '/unassigned');
    expect(page.status).toBe(200);
    expect(page.body.items.map((u) => u.deduplicationId)).toEqual(['dedup-2', 'dedup-1']);
    expect(page.body.devices).toEqual([{ devEui: '70b3d5e75e0000ff', uplinks: 2, lastSeen: at(120).toISOString() }]);
    expect(await refusal(demoAdmin, '/unassigned')).toEqual({ status: 403, code: 'FORBIDDEN', fields: undefined });
  });

  it('answers 401 without credentials and 403 without devices:read or platform:diagnostics', async () => {
    for (const path of ['/dead-letters', '/dead-letters/counts', '/unassigned']) {
      expect((await get(undefined, path)).status).toBe(401);
      expect(await refusal(billingKey, path)).toEqual({ status: 403, code: 'FORBIDDEN', fields: undefined });
    }
  });

  it('answers 400 naming the field for bad query parameters', async () => {
    expect(await refusal(root, '/dead-letters?limit=0')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] });
    expect(await refusal(root, '/dead-letters?limit=501')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] });
    expect(await refusal(root, '/dead-letters?from=yesterday')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['from'] });
    expect(await refusal(root, '/dead-letters/counts?to=2025-02-30T00:00:00Z')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['to'] });
    expect(await refusal(root, '/dead-letters?devEui=xyz')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['devEui'] });
    expect(await refusal(root, '/dead-letters?code=lower')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['code'] });
    expect(await refusal(root, '/dead-letters?cursor=garbage')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['cursor'] });
    expect(await refusal(root, '/unassigned?cursor=garbage')).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['cursor'] });
    expect(await refusal(root, `/dead-letters?from=${at(20).toISOString()}&to=${at(10).toISOString()}`)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['to'] });
  });
});
