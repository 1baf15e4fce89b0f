/**
 * ChirpStack provisioning of imported meters in the background: real PostgreSQL, the machine's Redis
 * (BullMQ queue and per-meter claims under the harness's key prefix) and the fake ChirpStack REST
 * server (apps/system/test/fake-chirpstack.ts), which records every request.
 */
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER } from '@app/common';
import { METER_IMPORT_COLUMNS } from '@app/contracts';
import type { Actor, ImportRequest, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { waitFor } from '@app/testing';
import { FakeChirpstack } from '../../test/fake-chirpstack';
import { SystemHarness } from '../../test/system-harness';
import { HistoryRepository } from '../history/history.repository';
import { MetersRpc } from '../meters/meters.rpc';
import { MetersService } from '../meters/meters.service';
import { ProvisioningQueue, SWEEP_EVERY_MS } from './provisioning-queue';

const TOKEN = 'queue-test-api-key';
const APPLICATION_ID = 'a1b2c3d4-0000-4000-8000-000000000011';
const PROFILE_ID = 'd1d2d3d4-0000-4000-8000-000000000012';
const APP_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
const COLUMNS = ['serial', 'vendor', 'model', 'utility', 'devEui', 'appKey', 'wmbusManufacturer', 'wmbusId'];

let n = 0;
const devEuiOf = (i: number) => `70b3d5e75e01${i.toString(16).padStart(4, '0')}`;

/** `count` LoRaWAN meters (and wM-Bus ones, never sent to ChirpStack) as an import file. */
function file(count: number, wmbus = 0): { request: ImportRequest; devEuis: string[] } {
  const rows: string[][] = [];
  const devEuis: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const devEui = devEuiOf(++n);
    devEuis.push(devEui);
    rows.push([`IMP-${n}`, 'Axioma', 'Qalcosonic W1', 'water', devEui.toUpperCase(), APP_KEY, '', '']);
  }
  for (let i = 0; i < wmbus; i += 1) rows.push([`IMP-${++n}`, 'Kamstrup', '', 'heat', '', '', 'KAM', String(10_000_000 + n)]);
  return { request: { mode: 'valid-rows-only', columns: COLUMNS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }, devEuis };
}

describe('ChirpStack provisioning of imported meters (BullMQ on real Redis, real PostgreSQL, fake ChirpStack)', () => {
  let fake: FakeChirpstack;
  let h: SystemHarness;
  let tenantId: TenantId;
  let admin: Actor;

  beforeAll(async () => {
    fake = await FakeChirpstack.start(TOKEN);
    h = await SystemHarness.start({
      CHIRPSTACK_API_URL: fake.url,
      CHIRPSTACK_API_TOKEN: TOKEN,
      CHIRPSTACK_APPLICATION_ID: APPLICATION_ID,
      CHIRPSTACK_DEVICE_PROFILE_ID: PROFILE_ID,
      CHIRPSTACK_TIMEOUT_MS: '1000',
    });
    ({ tenantId, adminActor: admin } = await h.tenantWithAdmin());
  });
  afterAll(async () => {
    fake?.resume();
    await h?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const db = () => h.app.get<DataSource>(POSTGRES);
  const importFile = (request: ImportRequest) => h.as(admin, () => h.get(MetersRpc).import(request));
  const states = async (devEuis: string[]): Promise<Map<string, { id: string; state: string; error: string | null }>> => {
    const rows = (await db().query(`SELECT id, dev_eui, provisioning_state, provisioning_error FROM system.meters WHERE tenant_id = $1 AND dev_eui = ANY($2)`, [tenantId, devEuis])) as {
      id: string;
      dev_eui: string;
      provisioning_state: string;
      provisioning_error: string | null;
    }[];
    return new Map(rows.map((r) => [r.dev_eui, { id: r.id, state: r.provisioning_state, error: r.provisioning_error }]));
  };
  const settled = (devEuis: string[]) =>
    waitFor(`${devEuis.length} meters out of pending`, async () => {
      const now = await states(devEuis);
      return [...now.values()].every((m) => m.state !== 'pending') && now.size === devEuis.length ? now : undefined;
    }, 30_000, 100);

  it('answers the import at once with the LoRaWAN meters pending, then provisions all 50 in the background', async () => {
    expect(METER_IMPORT_COLUMNS).toEqual(expect.arrayContaining(COLUMNS));
    const { request, devEuis } = file(50, 2);
    fake.pause();
    const report = await importFile(request);
    expect(report).toMatchObject({ created: 52 });
    // Nothing has reached ChirpStack yet, and the import did not wait for it.
    const before = await states(devEuis);
    expect([...before.values()].map((m) => m.state)).toEqual(Array(50).fill('pending'));
    expect(fake.requests).toEqual([]);
    const wmbus = (await db().query(`SELECT provisioning_state FROM system.meters WHERE tenant_id = $1 AND vendor = 'Kamstrup'`, [tenantId])) as { provisioning_state: string }[];
    expect(wmbus.map((r) => r.provisioning_state)).toEqual(['not_configured', 'not_configured']);
    fake.resume();

    const after = await settled(devEuis);
    expect([...after.values()].map((m) => [m.state, m.error])).toEqual(Array(50).fill(['provisioned', null]));
    expect(fake.requests).toHaveLength(100);
    expect([...fake.lines()].sort()).toEqual([...devEuis.map(() => 'POST /api/devices'), ...devEuis.map((eui) => `POST /api/devices/${eui}/keys`)].sort());
    for (const eui of devEuis) {
      const device = fake.devices.get(eui);
      expect(device).toEqual({
        device: {
          devEui: eui,
          name: expect.stringMatching(/^IMP-\d+$/),
          applicationId: APPLICATION_ID,
          deviceProfileId: PROFILE_ID,
          description: 'water meter Axioma Qalcosonic W1',
          tags: { serial: device?.device.name, meterId: after.get(eui)?.id, tenant: tenantId },
        },
        keys: { nwkKey: APP_KEY },
      });
    }
    for (const r of fake.requests) expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    const history = await h.get(HistoryRepository).list(tenantId, { entityType: 'meter', entityId: after.get(devEuis[0])?.id, limit: 10 });
    expect(history.map((r) => [r.action, r.actorKind])).toEqual([
      ['provision', 'system'],
      ['create', 'user'],
    ]);
    expect(history[0].changes).toEqual({ provisioningState: { from: 'pending', to: 'provisioned' }, provisioningAt: { from: null, to: expect.any(String) } });
  });

  it('records a device that ChirpStack refuses with 500 as failed with its error; the others are provisioned', async () => {
    const { request, devEuis } = file(6);
    const refused = devEuis[3];
    fake.failNext('POST', `/api/devices/${refused}/keys`, { status: 500, message: 'database is unavailable' });
    expect(await importFile(request)).toMatchObject({ created: 6 });
    const after = await settled(devEuis);
    expect(after.get(refused)).toMatchObject({ state: 'failed', error: `ChirpStack POST /api/devices/${refused}/keys answered 500: database is unavailable` });
    expect(devEuis.filter((eui) => eui !== refused).map((eui) => after.get(eui)?.state)).toEqual(Array(5).fill('provisioned'));
    const history = await h.get(HistoryRepository).list(tenantId, { entityType: 'meter', entityId: after.get(refused)?.id, limit: 10 });
    expect(history[0]).toMatchObject({ action: 'provision', changes: { provisioningState: { from: 'pending', to: 'failed' } } });
    // The retry route provisions it as for any failed meter, though not while a worker holds it.
    const id = after.get(refused)?.id ?? '';
    await h.redis.set(`system:provisioning:${id}`, 'a-worker', 'PX', 5000);
    await expect(h.as(admin, () => h.get(MetersRpc).provision({ id }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/being provisioned/) });
    await h.redis.del(`system:provisioning:${id}`);
    const retried = await h.as(admin, () => h.get(MetersRpc).provision({ id }));
    expect(retried.provisioning).toMatchObject({ state: 'provisioned', error: null });
  });

  it('provisions each meter once when the same meters are enqueued twice (claims and the pending check)', async () => {
    const { request, devEuis } = file(10);
    fake.pause();
    await importFile(request);
    const ids = [...(await states(devEuis)).values()].map((m) => m.id);
    const queue = h.get(ProvisioningQueue);
    await Promise.all([queue.enqueue(tenantId, ids), queue.enqueue(tenantId, [...ids].reverse())]);
    fake.resume();
    await settled(devEuis);
    // Let the duplicate jobs finish too before counting.
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.lines().filter((l) => l === 'POST /api/devices')).toHaveLength(10);
    expect(fake.requests).toHaveLength(20);
  });

  it('tries a meter held by a worker that died again after the claim\'s lease ends, and provisions it', async () => {
    const { request, devEuis } = file(3);
    fake.pause();
    await importFile(request);
    const before = await states(devEuis);
    const held = before.get(devEuis[1])?.id ?? '';
    // A claim left by a worker that died (its lease ends in 1 s).
    await h.redis.set(`system:provisioning:${held}`, 'dead-worker', 'PX', 1000);
    const logger = h.app.get<Logger>(LOGGER);
    const info = jest.spyOn(logger, 'info');
    const error = jest.spyOn(logger, 'error');
    fake.resume();
    const started = Date.now();
    const after = await settled(devEuis);
    // The job failed on purpose to run again: an info line naming the meter, no error.
    const infoCalls = [...info.mock.calls];
    const errorCalls = [...error.mock.calls];
    info.mockRestore();
    error.mockRestore();
    expect(infoCalls).toContainEqual([expect.objectContaining({ job: 'provision-batch', attempt: 1 }), `meter ${held} is being provisioned by another worker; retrying later`]);
    expect(errorCalls).toEqual([]);
    expect([...after.values()].map((m) => m.state)).toEqual(['provisioned', 'provisioned', 'provisioned']);
    // The held meter waited for the job's first retry (2 s backoff), not for a restart.
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(fake.lines().filter((l) => l === `POST /api/devices/${devEuis[1]}/keys`)).toHaveLength(1);
  });

  it('sweeps meters left pending (a stopped instance) into the queue, but not ones made pending just now', async () => {
    const meters = h.get(MetersService);
    const left = await meters.create(tenantId, { serial: `LEFT-${++n}`, vendor: 'Axioma', utility: 'water', lorawan: { devEui: devEuiOf(n), appKey: APP_KEY } });
    const fresh = await meters.create(tenantId, { serial: `FRESH-${++n}`, vendor: 'Axioma', utility: 'water', lorawan: { devEui: devEuiOf(n), appKey: APP_KEY } });
    await db().query(`UPDATE system.meters SET provisioning_state = 'pending', updated_at = now() - interval '10 minutes' WHERE id = $1`, [left.id]);
    await db().query(`UPDATE system.meters SET provisioning_state = 'pending' WHERE id = $1`, [fresh.id]);
    expect(await h.get(ProvisioningQueue).sweep()).toBe(1);
    const after = await settled([left.lorawan?.devEui ?? '']);
    expect(after.get(left.lorawan?.devEui ?? '')?.state).toBe('provisioned');
    expect(fake.lines()).toEqual(['POST /api/devices', `POST /api/devices/${left.lorawan?.devEui}/keys`]);
    expect((await states([fresh.lorawan?.devEui ?? ''])).get(fresh.lorawan?.devEui ?? '')?.state).toBe('pending');
  });

  it('provisions a meter left pending (its job used up its attempts) by the periodic sweep, without a restart', async () => {
    const left = await h.get(MetersService).create(tenantId, { serial: `STUCK-${++n}`, vendor: 'Axioma', utility: 'water', lorawan: { devEui: devEuiOf(n), appKey: APP_KEY } });
    const devEui = left.lorawan?.devEui ?? '';
    await db().query(`UPDATE system.meters SET provisioning_state = 'pending', updated_at = now() - interval '10 minutes' WHERE id = $1`, [left.id]);
    // Nothing enqueues it: with the 5-minute period it stays pending for now.
    await new Promise((r) => setTimeout(r, 700));
    expect((await states([devEui])).get(devEui)?.state).toBe('pending');
    const queue = h.get(ProvisioningQueue);
    await queue.scheduleSweep(300);
    try {
      const after = await settled([devEui]);
      expect(after.get(devEui)?.state).toBe('provisioned');
      expect(fake.lines().filter((l) => l === `POST /api/devices/${devEui}/keys`)).toHaveLength(1);
    } finally {
      await queue.scheduleSweep(SWEEP_EVERY_MS);
    }
  });
});

describe('imported meters when ChirpStack is not configured', () => {
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

  it('leaves them not_configured, enqueues nothing and sends no request', async () => {
    const { tenantId, adminActor } = await h.tenantWithAdmin();
    const { request, devEuis } = file(5);
    expect(await h.as(adminActor, () => h.get(MetersRpc).import(request))).toMatchObject({ created: 5 });
    expect(h.get(ProvisioningQueue).active).toBe(false);
    expect(await h.get(ProvisioningQueue).sweep()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const rows = (await h.app.get<DataSource>(POSTGRES).query(`SELECT provisioning_state FROM system.meters WHERE tenant_id = $1 AND dev_eui = ANY($2)`, [tenantId, devEuis])) as { provisioning_state: string }[];
    expect(rows.map((r) => r.provisioning_state)).toEqual(Array(5).fill('not_configured'));
    expect(fake.requests).toEqual([]);
  });
});
