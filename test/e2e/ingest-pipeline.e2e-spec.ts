/**
 * The data path through the real processes: ChirpStack events on the machine's Mosquitto -> the stack's ingest
 * (its own share group, write-ahead buffer, device resolution through the system service) -> ClickHouse; a device
 * registered after its uplinks arrived is decoded automatically; `reprocess` after a codec id fix.
 */
import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { ClickHouseStore, sql } from '@app/clickhouse';
import type { SqlFragment } from '@app/clickhouse';
import { decodeUplink } from '@app/codecs';
import type { MeterView, ReprocessResult, UnassignedPage } from '@app/contracts';
import { Stack, apiCall, signIn, testServices, uniqueName, waitFor } from '@app/testing';
import { buildFleet } from '../../tools/simulator/fleet';
import { defaultOptions, simulate } from '../../tools/simulator/simulate';
import type { SimMessage } from '../../tools/simulator/simulate';
import type { VirtualMeter } from '../../tools/simulator/meter';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const API = '/api/v1';
const SEED = 4242;
const NOW = Math.floor(Date.now() / 1000);

describe('ingest end to end: MQTT -> ingest -> ClickHouse', () => {
  let stack: Stack;
  let store: ClickHouseStore;
  let publisher: MqttClient;
  let token: string;
  let root: string;
  const applicationId = randomUUID();
  const fleet = buildFleet({ meters: 6, seed: SEED, epoch: NOW - 86400 });
  const byDevEui = new Map<string, SimMessage[]>();
  for (const m of simulate({ ...defaultOptions(), meters: 6, seed: SEED, now: NOW, interval: 60, target: { ...defaultOptions().target, applicationId } })) {
    if (m.event !== 'up') continue;
    const list = byDevEui.get(m.devEui) ?? [];
    list.push(m);
    byDevEui.set(m.devEui, list);
    if ([...byDevEui.values()].every((l) => l.length >= 8) && byDevEui.size === 6) break;
  }
  /** Decodable meters (the simulator also plays broken ones, whose uplinks a codec refuses). */
  const decodable = fleet.filter((meter) => expectedReadings(meter) > 0);

  function uplinksOf(meter: VirtualMeter): SimMessage[] {
    return (byDevEui.get(meter.devEui) ?? []).slice(0, 8);
  }

  function expectedReadings(meter: VirtualMeter): number {
    let n = 0;
    for (const m of uplinksOf(meter)) {
      const e = JSON.parse(m.payload) as { fPort: number; data: string; time: string };
      try {
        n += decodeUplink(meter.encoder.codecId, e.fPort, Buffer.from(e.data, 'base64'), e.time).measurements.filter((x) => Number.isFinite(x.value)).length;
      } catch {
        return 0;
      }
    }
    return n;
  }

  const count = async (query: SqlFragment): Promise<number> => Number((await store.query<{ n: string }>(query))[0]?.n ?? 0);
  const call = <T>(method: string, path: string, options?: Parameters<typeof apiCall>[3]) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, ...options });
  const createMeter = (meter: VirtualMeter, codecId: string | undefined) =>
    call<MeterView>('POST', '/meters', { body: { serial: `ING-${meter.devEui}`, vendor: 'Sim', utility: meter.utility, ...(codecId ? { codecId } : {}), lorawan: { devEui: meter.devEui } } });
  const publish = async (meter: VirtualMeter) => {
    for (const m of uplinksOf(meter)) await publisher.publishAsync(m.topic, m.payload, { qos: 1 });
  };

  beforeAll(async () => {
    stack = await Stack.start();
    token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    root = (await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    store = new ClickHouseStore({ url: testServices.clickhouseUrl, database: stack.env.CLICKHOUSE_DB ?? '', requestTimeoutMs: 20_000 });
    publisher = await connectAsync(testServices.mqttUrl, { protocolVersion: 5, clientId: uniqueName('e2e-pub') });
    // Messages published before the broker granted the shared subscription would go to nobody.
    await stack.waitForLog('ingest', (line) => line.msg === 'subscribed', 20_000);
    expect(decodable.length).toBeGreaterThanOrEqual(3);
  });

  afterAll(async () => {
    await publisher?.endAsync();
    await store?.close();
    await stack?.stop();
  });

  it('stores a registered meter\'s uplinks and exactly the readings its codec decodes', async () => {
    const meter = decodable[0] as VirtualMeter;
    const created = await createMeter(meter, meter.encoder.codecId);
    expect(created.status).toBe(201);
    await publish(meter);
    await publish(meter); // a redelivery of every message: still once in every query
    const expected = expectedReadings(meter);
    await waitFor('readings', async () => ((await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)) >= expected ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)).toBe(expected);
    expect(await count(sql`SELECT count() AS n FROM uplinks FINAL WHERE dev_eui = ${meter.devEui} AND decode_status = 'ok'`)).toBe(uplinksOf(meter).length);
    const status = await store.query<{ n: string; last: string }>(sql`SELECT count() AS n, toString(max(ts)) AS last FROM device_status FINAL WHERE device_id = ${created.body.id}`);
    expect(Number(status[0]?.n)).toBe(uplinksOf(meter).length);
  });

  it('keeps an unknown device\'s uplinks as unassigned and decodes them once the meter is registered', async () => {
    const meter = decodable[1] as VirtualMeter;
    await publish(meter);
    const listed = await waitFor('unassigned', async () => {
      const page = await call<UnassignedPage>('GET', `/ingest/unassigned?devEui=${meter.devEui}`, { token: root });
      return page.body.items?.length === uplinksOf(meter).length ? page.body : undefined;
    }, 30_000, 200);
    expect(listed.devices).toEqual([expect.objectContaining({ devEui: meter.devEui, uplinks: uplinksOf(meter).length })]);
    const created = await createMeter(meter, meter.encoder.codecId);
    expect(created.status).toBe(201);
    const expected = expectedReadings(meter);
    await waitFor('decoded after registration', async () => ((await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)) >= expected ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)).toBe(expected);
    const after = await call<UnassignedPage>('GET', `/ingest/unassigned?devEui=${meter.devEui}`, { token: root });
    expect(after.body.items).toEqual([]);
  });

  it('reprocesses a meter\'s archived uplinks after its codec id is set', async () => {
    const meter = decodable[2] as VirtualMeter;
    const created = await createMeter(meter, undefined);
    expect(created.status).toBe(201);
    await publish(meter);
    const n = uplinksOf(meter).length;
    await waitFor('archived undecoded', async () => ((await count(sql`SELECT count() AS n FROM uplinks FINAL WHERE dev_eui = ${meter.devEui} AND decode_status = 'no_codec'`)) === n ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)).toBe(0);

    const patched = await call<MeterView>('PATCH', `/meters/${created.body.id}`, { body: { codecId: meter.encoder.codecId } });
    expect(patched.status).toBe(200);
    const period = { from: new Date((NOW - 2 * 86400) * 1000).toISOString(), to: new Date((NOW + 2 * 86400) * 1000).toISOString() };
    const result = await call<ReprocessResult>('POST', `/meters/${created.body.id}/reprocess`, { body: period });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ uplinks: n, decoded: n, failed: 0, readings: expectedReadings(meter) });
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)).toBe(expectedReadings(meter));
    expect(await count(sql`SELECT count() AS n FROM uplinks FINAL WHERE dev_eui = ${meter.devEui} AND decode_status = 'ok'`)).toBe(n);

    // Twice gives the same readings (the earlier decode's rows are replaced, not added to).
    const again = await call<ReprocessResult>('POST', `/meters/${created.body.id}/reprocess`, { body: period });
    expect(again.body.readings).toBe(expectedReadings(meter));
    await waitFor('mutation applied', async () => ((await count(sql`SELECT count() AS n FROM system.mutations WHERE database = ${store.database} AND is_done = 0`)) === 0 ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE device_id = ${created.body.id}`)).toBe(expectedReadings(meter));

    const bad = await call<{ error: { code: string; fields?: Array<{ field: string }> } }>('POST', `/meters/${created.body.id}/reprocess`, { body: { from: period.from } });
    expect([bad.status, bad.body.error.fields?.map((f) => f.field)]).toEqual([400, ['to']]);
    const missing = await call('POST', `/meters/${randomUUID()}/reprocess`, { body: period });
    expect(missing.status).toBe(404);
  });
});
