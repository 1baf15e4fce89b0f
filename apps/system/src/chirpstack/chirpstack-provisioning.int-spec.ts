/**
 * ChirpStack provisioning against real PostgreSQL and a real HTTP server. ChirpStack itself cannot run
 * on this machine, so the server is FakeChirpstack (apps/system/test/fake-chirpstack.ts): it speaks the
 * REST device paths as the ChirpStack design notes document them, checks the API key header, records
 * every request byte for byte and answers 200, 409, 404, 500 or nothing (a timeout) on demand.
 */
import type { Actor, CreateMeterRequest, TenantId } from '@app/contracts';
import { FakeChirpstack } from '../../test/fake-chirpstack';
import { SystemHarness } from '../../test/system-harness';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from '../meters/meters.rpc';
import { ChirpstackClient } from './chirpstack-client';
import { deviceBody } from './chirpstack-requests';
import type { ChirpstackSettingsRef } from './chirpstack-settings';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.test-api-key.signature';
const APPLICATION_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const PROFILE_ID = 'd1d2d3d4-0000-4000-8000-000000000002';
const APP_KEY = '2B7E151628AED2A6ABF7158809CF4F3C';

describe('ChirpStack provisioning (real PostgreSQL, fake ChirpStack REST server)', () => {
  let fake: FakeChirpstack;
  let h: SystemHarness;
  let rpc: MetersRpc;
  let tenantId: TenantId;
  let admin: Actor;
  let n = 0;

  beforeAll(async () => {
    fake = await FakeChirpstack.start(TOKEN);
    h = await SystemHarness.start({
      CHIRPSTACK_API_URL: `${fake.url}/`,
      CHIRPSTACK_API_TOKEN: TOKEN,
      CHIRPSTACK_APPLICATION_ID: APPLICATION_ID,
      CHIRPSTACK_DEVICE_PROFILE_ID: PROFILE_ID,
      CHIRPSTACK_TIMEOUT_MS: '300',
    });
    rpc = h.get(MetersRpc);
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const as = <T>(work: () => Promise<T>) => h.as(admin, work);
  const devEuiOf = (i: number) => `70b3d5e75e00${i.toString(16).padStart(4, '0')}`;
  const newMeter = (extra: Partial<CreateMeterRequest> = {}) => {
    const i = ++n;
    return as(() => rpc.create({ serial: `CS-${i}`, vendor: 'Axioma', model: 'Qalcosonic W1', utility: 'water', lorawan: { devEui: devEuiOf(i).toUpperCase(), appKey: APP_KEY }, ...extra }));
  };
  const history = async (id: string) => (await h.get(HistoryRepository).list(tenantId, { entityType: 'meter', entityId: id, limit: 50 })).map((r) => ({ action: r.action, changes: r.changes }));
  const expectedDevice = (id: string, serial: string, devEui: string) =>
    `{"device":{"devEui":"${devEui}","name":"${serial}","applicationId":"${APPLICATION_ID}","deviceProfileId":"${PROFILE_ID}","description":"water meter Axioma Qalcosonic W1","tags":{"serial":"${serial}","meterId":"${id}","tenant":"${tenantId}"}}}`;
  const expectedKeys = `{"deviceKeys":{"nwkKey":"${APP_KEY.toLowerCase()}"}}`;

  it('creates the device, then its keys (AppKey in nwkKey), byte for byte with the API key header', async () => {
    const meter = await newMeter();
    const devEui = meter.lorawan?.devEui ?? '';
    expect(fake.lines()).toEqual(['POST /api/devices', `POST /api/devices/${devEui}/keys`]);
    expect(fake.requests.map((r) => r.body)).toEqual([expectedDevice(meter.id, meter.serial, devEui), expectedKeys]);
    for (const r of fake.requests) expect([r.authorization, r.contentType]).toEqual([`Bearer ${TOKEN}`, 'application/json']);
    expect(meter.provisioning).toEqual({ state: 'provisioned', error: null, at: expect.any(String) });
    const [provision, create] = await history(meter.id);
    expect(create.action).toBe('create');
    expect(provision).toEqual({ action: 'provision', changes: { provisioningState: { from: 'pending', to: 'provisioned' }, provisioningAt: { from: null, to: expect.any(String) } } });
    expect(await as(() => rpc.get({ id: meter.id }))).toMatchObject({ provisioning: { state: 'provisioned' } });
  });

  it('treats 409 "already exists" as an update of the device and of its keys', async () => {
    const devEui = devEuiOf(n + 1);
    fake.devices.set(devEui, { device: { devEui, name: 'left over' }, keys: { nwkKey: '00'.repeat(16) } });
    const meter = await newMeter();
    expect(fake.lines()).toEqual(['POST /api/devices', `PUT /api/devices/${devEui}`, `POST /api/devices/${devEui}/keys`, `PUT /api/devices/${devEui}/keys`]);
    expect(fake.requests[1].body).toBe(expectedDevice(meter.id, meter.serial, devEui));
    expect(fake.requests[3].body).toBe(expectedKeys);
    expect(fake.devices.get(devEui)).toEqual({ device: JSON.parse(expectedDevice(meter.id, meter.serial, devEui)).device, keys: { nwkKey: APP_KEY.toLowerCase() } });
    expect(meter.provisioning?.state).toBe('provisioned');
  });

  it('keeps the meter as failed on a 500 with ChirpStack\'s status and message, and provisions it on retry', async () => {
    fake.failNext('POST', '/api/devices', { status: 500, message: 'database is unavailable' });
    const meter = await newMeter();
    expect(meter.provisioning).toEqual({ state: 'failed', error: 'ChirpStack POST /api/devices answered 500: database is unavailable', at: expect.any(String) });
    expect((await as(() => rpc.get({ id: meter.id }))).provisioning?.state).toBe('failed');
    expect(fake.lines()).toEqual(['POST /api/devices']);
    fake.requests.length = 0;
    const retried = await as(() => rpc.provision({ id: meter.id }));
    expect(retried.provisioning).toMatchObject({ state: 'provisioned', error: null });
    expect(fake.lines()).toEqual(['POST /api/devices', `POST /api/devices/${meter.lorawan?.devEui}/keys`]);
    const rows = await history(meter.id);
    expect(rows.map((r) => r.action)).toEqual(['provision', 'provision', 'create']);
    expect(rows[1].changes.provisioningError).toEqual({ from: null, to: 'ChirpStack POST /api/devices answered 500: database is unavailable' });
    expect(rows[0].changes.provisioningError).toEqual({ from: 'ChirpStack POST /api/devices answered 500: database is unavailable', to: null });
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain(APP_KEY.toLowerCase());
  });

  it('fails at the deadline when ChirpStack does not answer, and on a wrong API key with its 401', async () => {
    const devEui = devEuiOf(n + 1);
    fake.failNext('POST', `/api/devices/${devEui}/keys`, 'hang');
    const started = Date.now();
    const meter = await newMeter();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(meter.provisioning).toMatchObject({ state: 'failed', error: `ChirpStack POST /api/devices/${devEui}/keys: no answer within 300 ms` });
    expect(fake.devices.has(devEui)).toBe(true);
    fake.failNext('PUT', `/api/devices/${devEui}`, { status: 401, message: 'authorization metadata must be in format \'Bearer <TOKEN>\'' });
    const retried = await as(() => rpc.provision({ id: meter.id }));
    expect(retried.provisioning?.error).toBe(`ChirpStack PUT /api/devices/${devEui} answered 401: authorization metadata must be in format 'Bearer <TOKEN>'`);
    expect((await as(() => rpc.provision({ id: meter.id }))).provisioning?.state).toBe('provisioned');
  });

  it('puts new keys when the AppKey changes, and deletes the device when the meter is archived', async () => {
    const meter = await newMeter();
    const devEui = meter.lorawan?.devEui ?? '';
    fake.requests.length = 0;
    const rekeyed = await as(() => rpc.update({ id: meter.id, appKey: 'ff'.repeat(16) }));
    expect(fake.lines()).toEqual([`PUT /api/devices/${devEui}/keys`]);
    expect(fake.requests[0].body).toBe('{"deviceKeys":{"nwkKey":"ffffffffffffffffffffffffffffffff"}}');
    expect(rekeyed.provisioning?.state).toBe('provisioned');
    await as(() => rpc.update({ id: meter.id, multiplier: '10' }));
    expect(fake.requests).toHaveLength(1);
    fake.requests.length = 0;
    const archived = await as(() => rpc.archive({ id: meter.id }));
    expect(fake.lines()).toEqual([`DELETE /api/devices/${devEui}`]);
    expect(fake.requests[0]).toMatchObject({ body: '', authorization: `Bearer ${TOKEN}` });
    expect(fake.devices.has(devEui)).toBe(false);
    expect(archived).toMatchObject({ status: 'archived', provisioning: { state: 'not_configured', error: null } });
    expect((await history(meter.id)).map((r) => r.action)).toEqual(['deprovision', 'archive', 'update', 'provision', 'update', 'provision', 'create']);
  });

  it('sends nothing for `provision: false` and for meters without a LoRaWAN identity', async () => {
    const skipped = await newMeter({ provision: false });
    expect(skipped.provisioning).toEqual({ state: 'not_configured', error: null, at: null });
    const wmbus = await as(() => rpc.create({ serial: `WM-${++n}`, vendor: 'Kamstrup', utility: 'heat', wmbus: { manufacturer: 'KAM', id: '12345678' } }));
    expect(wmbus.provisioning).toBeNull();
    await expect(as(() => rpc.provision({ id: wmbus.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fake.requests).toEqual([]);
    expect((await as(() => rpc.provision({ id: skipped.id }))).provisioning?.state).toBe('provisioned');
  });
});

describe('ChirpStack client', () => {
  it('maps a refused connection to DEPENDENCY_FAILED without a status, naming neither URL credentials nor the token', async () => {
    const closed = await FakeChirpstack.start(TOKEN);
    const url = closed.url;
    await closed.close();
    const settings = { value: { url, token: TOKEN, applicationId: APPLICATION_ID, deviceProfileId: PROFILE_ID, timeoutMs: 1000 } } as ChirpstackSettingsRef;
    const body = deviceBody({ id: 'm', tenantId: 't', serial: 'S', vendor: 'V', model: null, utility: 'water', devEui: '70b3d5e75e001234', joinEui: null }, settings.value ?? { applicationId: '', deviceProfileId: '' });
    const failure = await new ChirpstackClient(settings).createDevice(body).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'DEPENDENCY_FAILED', status: null, message: expect.stringMatching(/^ChirpStack POST \/api\/devices: unreachable \(.*ECONNREFUSED/) });
    expect((failure as Error).message).not.toContain(TOKEN);
  });
});

describe('ChirpStack provisioning when ChirpStack is not configured', () => {
  let fake: FakeChirpstack;
  let h: SystemHarness;

  beforeAll(async () => {
    fake = await FakeChirpstack.start(TOKEN);
    h = await SystemHarness.start();
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('sends no request and leaves the meter not_configured; a retry is CONFLICT', async () => {
    const { adminActor } = await h.tenantWithAdmin();
    const rpc = h.get(MetersRpc);
    const meter = await h.as(adminActor, () => rpc.create({ serial: 'NC-1', vendor: 'Axioma', utility: 'water', lorawan: { devEui: '70b3d5e75e00ffff', appKey: APP_KEY } }));
    expect(meter.provisioning).toEqual({ state: 'not_configured', error: null, at: null });
    await expect(h.as(adminActor, () => rpc.provision({ id: meter.id }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not configured/) });
    expect((await h.as(adminActor, () => rpc.archive({ id: meter.id }))).provisioning?.state).toBe('not_configured');
    expect(fake.requests).toEqual([]);
  });
});
