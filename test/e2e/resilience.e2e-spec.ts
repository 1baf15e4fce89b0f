import { Stack, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD } from '../../tools/seed-data';

jest.setTimeout(120_000);

describe('a service process dies and comes back', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('turns the health report 503 naming the dead service, and 200 again after a restart', async () => {
    expect((await stack.health()).status).toBe(200);
    await stack.kill('system', 'SIGKILL');

    const down = await stack.waitForHealth(503, 15_000);
    expect(down.status).toBe('down');
    expect(down.services.system).toMatchObject({ status: 'down', detail: expect.stringContaining('RPC_TIMEOUT') });
    expect(down.services.metering.status).toBe('up');

    stack.startApp('system');
    const back = await stack.waitForHealth(200, 30_000);
    expect(back.services.system.status).toBe('up');
    expect(back.status).toBe('ok');
  });

  it('fails a call to the dead service with a coded timeout within its deadline instead of hanging', async () => {
    const session = await signIn(stack.gatewayUrl, 'platform', 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const auth = { authorization: `Bearer ${session.accessToken}` };
    await stack.kill('metering', 'SIGKILL');
    // The gateway waits RPC_TIMEOUT_MS (3000 in this stack) for metering.
    const started = Date.now();
    const response = await fetch(`${stack.gatewayUrl}/api/v1/diagnostics/job-roundtrip`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ timeoutMs: 1000 }),
      signal: AbortSignal.timeout(20_000),
    });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(504);
    const body = (await response.json()) as { error: { code: string; service: string } };
    expect(body.error).toMatchObject({ code: 'RPC_TIMEOUT', service: 'metering' });
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(5000);

    stack.startApp('metering');
    await stack.waitForHealth(200, 30_000);
    const again = await fetch(`${stack.gatewayUrl}/api/v1/diagnostics/job-roundtrip`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(again.status).toBe(200);
  });

  it('reports a dead service store as down (503) and recovers when the store returns', async () => {
    // Both services that check the broker (ingest, metering's command publisher) are gone.
    await Promise.all([stack.kill('ingest', 'SIGTERM'), stack.kill('metering', 'SIGTERM')]);
    const down = await stack.waitForHealth(503, 15_000);
    expect(down.stores.mqtt).toMatchObject({ status: 'down', reportedBy: [] });
    stack.startApp('ingest');
    stack.startApp('metering');
    const back = await stack.waitForHealth(200, 30_000);
    expect(back.stores.mqtt.status).toBe('up');
  });

  it('survives losing Redis (the transport itself): 503 while it is gone, 200 once it is back', async () => {
    await stack.stopRedis();
    const down = await stack.waitForHealth(503, 15_000);
    expect(down.stores.redis.status).toBe('down');
    await stack.restartRedis();
    const back = await stack.waitForHealth(200, 45_000);
    expect(back.stores.redis.status).toBe('up');
    expect(Object.values(back.services).every((s) => s.status === 'up')).toBe(true);
  });
});

describe('a required store that is unreachable from the start', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ appEnv: { CLICKHOUSE_URL: 'http://127.0.0.1:1' }, expectHealth: 503 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('still starts every service, and the report names the store as down', async () => {
    const { status, body } = await stack.health();
    expect(status).toBe(503);
    expect(body.status).toBe('down');
    expect(body.stores.clickhouse).toMatchObject({ status: 'down', reportedBy: expect.arrayContaining(['metering', 'analytics', 'ingest']) });
    expect(body.stores.clickhouse.detail).toBeTruthy();
    expect(body.stores.postgres.status).toBe('up');
    for (const service of ['metering', 'analytics', 'ingest']) expect(body.services[service].status).toBe('degraded');
    expect(body.services.system.status).toBe('up');
  });
});
