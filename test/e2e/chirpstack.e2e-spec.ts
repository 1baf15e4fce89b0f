/**
 * ChirpStack provisioning through the whole platform: HTTP at the gateway, the Redis transport, the
 * system service as a process, PostgreSQL. ChirpStack cannot run on this machine; the system service
 * talks to FakeChirpstack (apps/system/test/fake-chirpstack.ts), a real HTTP server speaking its REST
 * device paths, checking the API key header and recording every request.
 */
import type { ImportReport, MeterPage, MeterView } from '@app/contracts';
import { Stack, apiCall, signIn, waitFor } from '@app/testing';
import { FakeChirpstack } from '../../apps/system/test/fake-chirpstack';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT } from '../../tools/seed-data';

jest.setTimeout(120_000);

const API = '/api/v1';
const TOKEN = 'e2e-chirpstack-api-key-0123456789';

describe('ChirpStack provisioning over HTTP (built apps, fake ChirpStack REST server)', () => {
  let fake: FakeChirpstack;
  let stack: Stack;
  let token: string;
  const call = <T>(method: string, path: string, body?: unknown) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, body });

  beforeAll(async () => {
    fake = await FakeChirpstack.start(TOKEN);
    stack = await Stack.start({
      appEnv: {
        CHIRPSTACK_API_URL: fake.url,
        CHIRPSTACK_API_TOKEN: TOKEN,
        CHIRPSTACK_APPLICATION_ID: 'a1b2c3d4-0000-4000-8000-000000000001',
        CHIRPSTACK_DEVICE_PROFILE_ID: 'd1d2d3d4-0000-4000-8000-000000000002',
      },
    });
    token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
    await fake?.close();
  });

  it('creates the device on registration, shows a failure on the meter, retries it with POST /meters/{id}/provision', async () => {
    fake.failNext('POST', '/api/devices', { status: 500, message: 'database is unavailable' });
    const created = await call<MeterView>('POST', '/meters', { serial: 'CS-E2E-1', vendor: 'Axioma', utility: 'water', lorawan: { devEui: '70B3D5E75E00C5E2', appKey: '2B7E151628AED2A6ABF7158809CF4F3C' } });
    expect(created.status).toBe(201);
    expect(created.body.provisioning).toMatchObject({ state: 'failed', error: 'ChirpStack POST /api/devices answered 500: database is unavailable' });
    const retried = await call<MeterView>('POST', `/meters/${created.body.id}/provision`);
    expect(retried).toMatchObject({ status: 200, body: { provisioning: { state: 'provisioned', error: null } } });
    expect(fake.lines()).toEqual(['POST /api/devices', 'POST /api/devices', 'POST /api/devices/70b3d5e75e00c5e2/keys']);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(fake.devices.get('70b3d5e75e00c5e2')?.keys).toEqual({ nwkKey: '2b7e151628aed2a6abf7158809cf4f3c' });

    const skipped = await call<MeterView>('POST', '/meters', { serial: 'CS-E2E-2', vendor: 'Axioma', utility: 'water', lorawan: { devEui: '70b3d5e75e00c5e3' }, provision: false });
    expect(skipped.body.provisioning?.state).toBe('not_configured');
    const bad = await call<{ error: { code: string; fields: { field: string }[] } }>('POST', '/meters', { serial: 'CS-E2E-3', vendor: 'Axioma', utility: 'water', provision: 'yes' });
    expect([bad.status, bad.body.error.fields.map((f) => f.field)]).toEqual([400, ['provision']]);
    expect(fake.requests).toHaveLength(3);

    const archived = await call<MeterView>('POST', `/meters/${created.body.id}/archive`);
    expect(archived.body).toMatchObject({ status: 'archived', provisioning: { state: 'not_configured' } });
    expect(fake.lines().at(-1)).toBe('DELETE /api/devices/70b3d5e75e00c5e2');
  });

  it('provisions imported LoRaWAN meters in the background: the import answers first, the system service\'s worker follows', async () => {
    const euis = ['70b3d5e75e00d001', '70b3d5e75e00d002', '70b3d5e75e00d003'];
    const csv = `serial,vendor,utility,devEui,appKey\n${euis.map((eui, i) => `CSI-${i + 1},Axioma,water,${eui},2b7e151628aed2a6abf7158809cf4f3c`).join('\n')}\nCSI-4,Kamstrup,heat,,\n`;
    fake.requests.length = 0;
    fake.pause();
    const form = new FormData();
    form.append('file', new Blob([csv]), 'lorawan.csv');
    const answer = await fetch(`${stack.gatewayUrl}${API}/meters/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect([answer.status, ((await answer.json()) as ImportReport).created]).toEqual([200, 4]);
    const listed = await call<MeterPage>('GET', '/meters?search=CSI-');
    expect(listed.body.items.map((m) => [m.serial, m.provisioning?.state ?? null])).toEqual([
      ['CSI-1', 'pending'],
      ['CSI-2', 'pending'],
      ['CSI-3', 'pending'],
      ['CSI-4', null],
    ]);
    fake.resume();
    const done = await waitFor('imported meters provisioned', async () => {
      const page = await call<MeterPage>('GET', '/meters?search=CSI-');
      return page.body.items.slice(0, 3).every((m) => m.provisioning?.state === 'provisioned') ? page.body.items : undefined;
    });
    expect(done.map((m) => m.provisioning?.error ?? null)).toEqual([null, null, null, null]);
    expect([...fake.lines()].sort()).toEqual([...euis.map(() => 'POST /api/devices'), ...euis.map((eui) => `POST /api/devices/${eui}/keys`)].sort());
    expect(euis.map((eui) => fake.devices.get(eui)?.keys)).toEqual(Array(3).fill({ nwkKey: '2b7e151628aed2a6abf7158809cf4f3c' }));
  });

  it('documents the provisioning state and the retry route in the OpenAPI document, and never logs the API key', async () => {
    const doc = await apiCall<{ paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }>(stack.gatewayUrl, 'GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths)).toContain(`${API}/meters/{id}/provision`);
    expect(Object.keys(doc.body.components.schemas.MeterDoc.properties ?? {})).toContain('provisioning');
    expect(stack.logs('system').length).toBeGreaterThan(0);
    expect(stack.rawOutput('system')).not.toContain(TOKEN);
  });
});
