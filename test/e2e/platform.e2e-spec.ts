import { APP_NAMES, STORE_NAMES } from '@app/contracts';
import type { JobRoundTripResult } from '@app/contracts';
import { Stack, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD } from '../../tools/seed-data';

jest.setTimeout(120_000);
const SECRET = 'e2e-Sup3r-s3cret-pw';

describe('the platform as processes (gateway + five services over the Redis transport)', () => {
  let stack: Stack;
  /** The diagnostics route is the platform administrator's (platform:diagnostics). */
  let auth: { authorization: string };

  beforeAll(async () => {
    // A password inside DATABASE_URL (local PostgreSQL trusts the connection and ignores it) proves
    // that secrets never reach a log line.
    stack = await Stack.start({ databasePassword: SECRET });
    const session = await signIn(stack.gatewayUrl, 'platform', 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    auth = { authorization: `Bearer ${session.accessToken}` };
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reports every service and every store on GET /api/v1/health', async () => {
    const { status, body } = await stack.health();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.services).sort()).toEqual([...APP_NAMES].sort());
    for (const app of APP_NAMES) expect(body.services[app]).toMatchObject({ status: 'up', version: expect.any(String) });
    expect(Object.keys(body.stores).sort()).toEqual([...STORE_NAMES].sort());
    for (const store of ['postgres', 'redis', 'clickhouse', 'mqtt'] as const) expect(body.stores[store].status).toBe('up');
    expect(body.stores.postgres.reportedBy.sort()).toEqual(['analytics', 'billing', 'metering', 'system']);
    expect(body.stores.mqtt.reportedBy.sort()).toEqual(['ingest', 'metering']);
    if (!process.env.MONGO_URL) expect(body.stores.mongodb).toMatchObject({ status: 'disabled', detail: expect.stringContaining('MONGO_URL') });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = (await (await fetch(`${stack.gatewayUrl}/api/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/diagnostics/job-roundtrip']));
    const ui = await fetch(`${stack.gatewayUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('carries the correlation id from HTTP through RPC into a BullMQ job and every log line on the way', async () => {
    const correlationId = `e2e-${Date.now()}`;
    const response = await fetch(`${stack.gatewayUrl}/api/v1/diagnostics/job-roundtrip`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: JSON.stringify({ timeoutMs: 5000 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const result = (await response.json()) as JobRoundTripResult;
    expect(result).toMatchObject({ queue: 'platform.maintenance', correlationId, workerCorrelationId: correlationId });

    const gatewayLine = await stack.waitForLog('gateway', (l) => l.correlationId === correlationId && l.msg === 'http request');
    expect(gatewayLine).toMatchObject({ service: 'gateway', status: 200, path: '/api/v1/diagnostics/job-roundtrip' });
    const rpcLine = await stack.waitForLog('metering', (l) => l.correlationId === correlationId && l.origin === 'rpc:gateway');
    expect(rpcLine.msg).toBe('rpc request');
    const jobLine = await stack.waitForLog('metering', (l) => l.correlationId === correlationId && l.origin === 'job:platform.maintenance' && l.msg === 'diagnostic round-trip job ran');
    expect(jobLine).toMatchObject({ service: 'metering', msg: 'diagnostic round-trip job ran' });
  });

  it('answers bad requests with a 4xx naming the field, unknown routes with a coded 404', async () => {
    const bad = await fetch(`${stack.gatewayUrl}/api/v1/diagnostics/job-roundtrip`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ timeoutMs: 'soon', colour: 'red' }),
    });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { code: string; fields: { field: string }[]; correlationId: string } };
    expect(badBody.error.code).toBe('VALIDATION_FAILED');
    expect(badBody.error.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['timeoutMs', 'colour']));
    expect(badBody.error.correlationId).toBeTruthy();

    const malformed = await fetch(`${stack.gatewayUrl}/api/v1/diagnostics/job-roundtrip`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"timeoutMs": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');

    const missing = await fetch(`${stack.gatewayUrl}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('logs JSON lines with service and version, and its config without secrets', () => {
    for (const app of APP_NAMES) {
      const lines = stack.logs(app);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatchObject({ service: app, version: expect.any(String), level: expect.any(String) });
    }
    const configLine = stack.logs('system').find((l) => typeof l.config === 'object');
    expect(configLine?.config).toMatchObject({ DATABASE_URL: expect.stringContaining(':***@') });
    for (const app of APP_NAMES) expect(stack.rawOutput(app)).not.toContain(SECRET);
  });
});
