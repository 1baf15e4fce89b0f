/**
 * The pipeline on the real services: Mosquitto (QoS 1, persistent session, shared subscription), the write-ahead
 * buffer on disk, ClickHouse 18.16 (throwaway database with the platform migrations) and Redis (outcome stream,
 * application keys). The device directory is an in-memory registry (the system service's resolution is tested in
 * device-resolver.int-spec.ts); the payloads are the simulator's real codec bytes, and the expected readings are
 * computed by decoding them independently with libs/codecs.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { ClickHouseStore, ident, join as sqlJoin, runClickHouseMigrations, sql } from '@app/clickhouse';
import { decodeUplink } from '@app/codecs';
import { createLogger, createRedisClient } from '@app/common';
import { COMMAND_OUTCOME_STREAM, deviceApplicationKey } from '@app/contracts';
import type { DeviceResolution, KnownDevice } from '@app/contracts';
import { testServices, uniqueName, waitFor } from '@app/testing';
import { simulate, defaultOptions } from '../../../../tools/simulator/simulate';
import type { SimMessage } from '../../../../tools/simulator/simulate';
import { buildFleet } from '../../../../tools/simulator/fleet';
import { deviceKey } from '../devices/device-keys';
import type { DeviceIdentity } from '../devices/device-keys';
import { DEVICE_BECAME_KNOWN } from '../devices/device-resolver';
import { DEFAULT_PARSE_LIMITS } from '../events/dead-letter';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { MqttConnection } from '../mqtt/mqtt-connection';
import { AfterCommit } from './after-commit';
import { BatchProcessor } from './batch-processor';
import { IngestPipeline } from './ingest-pipeline';
import { Redecoder } from './redecode';
import { TelemetryWriter } from './telemetry-writer';

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'libs', 'clickhouse', 'migrations');
const logger = createLogger({ service: 'ingest', version: '0', level: 'silent' });
const TENANT = '6f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77';

jest.setTimeout(120_000);

describe('the ingest pipeline against Mosquitto, ClickHouse and Redis', () => {
  let store: ClickHouseStore;
  let walDir: string;
  let publisher: MqttClient;
  let pipeline: IngestPipeline | undefined;
  let redecoder: Redecoder | undefined;
  const redis = createRedisClient(testServices.redisUrl);
  const registry = new Map<string, DeviceResolution>();
  const signals = new EventEmitter();
  const shareGroup = uniqueName('itest');
  const applicationId = '0b5e1a7e-51a0-4a7e-8000-0000000000aa';

  const count = async (query: ReturnType<typeof sql>): Promise<number> => Number((await store.query<{ n: string }>(query))[0]?.n ?? 0);

  beforeAll(async () => {
    store = new ClickHouseStore({ url: testServices.clickhouseUrl, database: uniqueName('ht_pipeline'), requestTimeoutMs: 20_000 });
    await store.ensureDatabase();
    await runClickHouseMigrations(store, MIGRATIONS);
    walDir = await mkdtemp(join(tmpdir(), 'ingest-pipeline-'));
    publisher = await connectAsync(testServices.mqttUrl, { protocolVersion: 5, clientId: uniqueName('itest-pub') });
  });

  afterAll(async () => {
    redis.disconnect();
    await redecoder?.stop();
    await pipeline?.stop();
    await publisher?.endAsync();
    await store.command(sql`DROP DATABASE IF EXISTS ${ident(store.database)}`).catch(() => undefined);
    await store.close();
    await rm(walDir, { recursive: true, force: true });
  });

  function start(): void {
    const directory = async (ids: readonly DeviceIdentity[]) => new Map(ids.map((id) => [deviceKey(id), registry.get(deviceKey(id)) ?? ({ state: 'unknown' } as const)]));
    const processor = new BatchProcessor(directory, DEFAULT_PARSE_LIMITS);
    const writer = new TelemetryWriter(store);
    const afterCommit = new AfterCommit(redis);
    const mqtt = new MqttConnection({ url: testServices.mqttUrl, clientId: uniqueName('itest-ingest') }, logger);
    pipeline = new IngestPipeline(
      { walDir, walSync: 'always', walCapacityBytes: 64 * 1024 * 1024, batchMaxRecords: 500, batchMaxWaitMs: 50, shareGroup, limits: DEFAULT_PARSE_LIMITS },
      mqtt,
      processor,
      writer,
      afterCommit,
      new IngestMetrics({ defaultMetrics: false }),
      logger,
    );
    redecoder = new Redecoder(store, signals, processor, writer, afterCommit, logger, 0);
    redecoder.start();
  }

  const fleet = buildFleet({ meters: 12, seed: 7, epoch: defaultOptions().now - 86400 });
  const known = fleet.slice(0, 9);
  const stranger = fleet[9] as (typeof fleet)[number];
  const meterIds = new Map(fleet.map((m, i) => [m.devEui, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]));
  const knownDevice = (devEui: string, codecId: string): KnownDevice => ({
    state: 'known', meterId: meterIds.get(devEui) as string, tenantId: TENANT, codecId, utility: 'water', multiplier: '1', status: 'installed',
  });

  /** The simulator's first 600 messages of ten meters (it runs forever in live mode), garbage included. */
  const messages: SimMessage[] = [];
  const ten = new Set(fleet.slice(0, 10).map((m) => m.devEui));
  for (const m of simulate({ ...defaultOptions(), meters: 12, seed: 7, target: { ...defaultOptions().target, applicationId }, faults: { dup: 0, ooo: 0, reset: 0, garbage: 0.05 } })) {
    if (ten.has(m.devEui) || m.fault === 'garbage') messages.push(m);
    if (messages.length >= 600) break;
  }

  function expectedReadings(devEuis: ReadonlySet<string>): number {
    let n = 0;
    for (const m of messages) {
      if (m.event !== 'up' || m.fault || !devEuis.has(m.devEui)) continue;
      const e = JSON.parse(m.payload) as { fPort: number; data: string; time: string };
      const meter = fleet.find((f) => f.devEui === m.devEui);
      if (!meter) continue;
      try {
        n += decodeUplink(meter.encoder.codecId, e.fPort, Buffer.from(e.data, 'base64'), e.time).measurements.filter((x) => Number.isFinite(x.value)).length;
      } catch {
        // a simulated broken meter: its uplinks are dead letters, not readings
      }
    }
    return n;
  }

  it('stores every event once, readings exactly as the codecs decode them, garbage as dead letters, strangers as unassigned', async () => {
    for (const m of known) registry.set(deviceKey({ devEui: m.devEui }), knownDevice(m.devEui, m.encoder.codecId));
    start();
    await pipeline?.start();
    await pipeline?.subscribed;
    for (const m of messages) await publisher.publishAsync(m.topic, m.payload, { qos: 1 });
    // QoS 1 redelivery and a second gateway's copy: the same bytes again.
    for (const m of messages.slice(0, 50)) await publisher.publishAsync(m.topic, m.payload, { qos: 1 });

    const knownSet = new Set(known.map((m) => m.devEui));
    const knownEvents = messages.filter((m) => !m.fault && knownSet.has(m.devEui)).length;
    const readings = expectedReadings(knownSet);
    expect(readings).toBeGreaterThan(100);
    await waitFor('every event of a known device stored', async () => ((await count(sql`SELECT count() AS n FROM uplinks FINAL`)) >= knownEvents ? true : undefined), 60_000, 200);
    await waitFor('readings', async () => ((await count(sql`SELECT count() AS n FROM readings FINAL`)) >= readings ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM uplinks FINAL`)).toBe(knownEvents);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL`)).toBe(readings);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL WHERE tenant_id != ${TENANT}`)).toBe(0);
    const garbage = new Set(messages.filter((m) => m.fault === 'garbage').map((m) => m.payload));
    expect(garbage.size).toBeGreaterThan(3);
    await waitFor('dead letters', async () => ((await count(sql`SELECT count() AS n FROM dead_letters FINAL WHERE code != 'CODEC_REJECTED'`)) >= garbage.size ? true : undefined), 30_000, 200);
    const strangerEvents = messages.filter((m) => !m.fault && m.devEui === stranger.devEui).length;
    expect(strangerEvents).toBeGreaterThan(5);
    expect(await count(sql`SELECT count() AS n FROM unassigned_uplinks FINAL WHERE dev_eui = ${stranger.devEui} AND assigned = 0`)).toBe(strangerEvents);
    expect(await count(sql`SELECT count() AS n FROM device_status FINAL`)).toBeGreaterThan(0);
    expect(await count(sql`SELECT count() AS n FROM gateway_last_seen FINAL`)).toBeGreaterThan(0);
    expect(await redis.get(deviceApplicationKey(known[0]?.devEui as string))).toBe(applicationId);
  });

  it('decodes a device\'s unassigned uplinks once the registry knows it, and lists them no more', async () => {
    const before = await count(sql`SELECT count() AS n FROM readings FINAL`);
    registry.set(deviceKey({ devEui: stranger.devEui }), knownDevice(stranger.devEui, stranger.encoder.codecId));
    signals.emit(DEVICE_BECAME_KNOWN, { key: deviceKey({ devEui: stranger.devEui }), event: { tenantId: TENANT, meterId: meterIds.get(stranger.devEui), devEui: stranger.devEui, reason: 'create' } });
    const expected = expectedReadings(new Set([stranger.devEui]));
    expect(expected).toBeGreaterThan(0);
    await waitFor('re-decoded', async () => ((await count(sql`SELECT count() AS n FROM unassigned_uplinks FINAL WHERE assigned = 0`)) === 0 ? true : undefined), 30_000, 200);
    expect(await count(sql`SELECT count() AS n FROM readings FINAL`)).toBe(before + expected);
    expect(await count(sql`SELECT count() AS n FROM uplinks FINAL WHERE dev_eui = ${stranger.devEui}`)).toBe(messages.filter((m) => !m.fault && m.devEui === stranger.devEui).length);
  });

  it('stays alive through a few thousand fuzzed messages and stores every good one among them', async () => {
    // A seeded generator (reproducible): flipped bytes, truncations, wrong JSON types, huge values, foreign topics.
    let seed = 0x2f6e2b1;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const meter = known[1] as (typeof known)[number];
    const template = messages.find((m) => m.event === 'up' && !m.fault && m.devEui === meter.devEui) as SimMessage;
    const good: Array<{ topic: string; payload: string; id: string }> = [];
    const fuzzed: Array<{ topic: string; payload: Buffer }> = [];
    const values: unknown[] = [null, true, -1, 1e308, '', 'x'.repeat(70_000), [], {}, '%%%', 4294967296, -0.5];
    for (let i = 0; i < 3000; i++) {
      const event = JSON.parse(template.payload) as Record<string, unknown>;
      const id = `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      event.deduplicationId = id;
      event.fCnt = i;
      if (i % 10 === 0) {
        good.push({ topic: template.topic, payload: JSON.stringify(event), id });
        continue;
      }
      const text = JSON.stringify(event);
      switch (rand(6)) {
        case 0: {
          const bytes = Buffer.from(text);
          for (let k = 0; k < 1 + rand(4); k++) bytes[rand(bytes.length)] = rand(256);
          fuzzed.push({ topic: template.topic, payload: bytes });
          break;
        }
        case 1:
          fuzzed.push({ topic: template.topic, payload: Buffer.from(text.slice(0, rand(text.length))) });
          break;
        case 2: {
          const keys = Object.keys(event);
          event[keys[rand(keys.length)] as string] = values[rand(values.length)];
          fuzzed.push({ topic: template.topic, payload: Buffer.from(JSON.stringify(event)) });
          break;
        }
        case 3:
          event.data = ['!!', 'AAA', '=AAA', 'A'.repeat(400)][rand(4)];
          fuzzed.push({ topic: template.topic, payload: Buffer.from(JSON.stringify(event)) });
          break;
        case 4:
          fuzzed.push({ topic: template.topic.replace('/event/up', ['/event/nope', '/event', '/evt/up'][rand(3)] as string), payload: Buffer.from(text) });
          break;
        default:
          fuzzed.push({ topic: template.topic, payload: Buffer.from(Array.from({ length: rand(300) }, () => rand(256))) });
      }
    }
    const deadBefore = await count(sql`SELECT count() AS n FROM dead_letters FINAL`);
    const all = [...fuzzed.map((f) => ({ topic: f.topic, payload: f.payload as string | Buffer })), ...good];
    for (let i = 0; i < all.length; i++) {
      const m = all[(i * 7919) % all.length] as { topic: string; payload: string | Buffer };
      await publisher.publishAsync(m.topic, m.payload, { qos: 1 });
    }
    const ids = good.map((g) => g.id);
    await waitFor('every good message', async () => ((await count(sql`SELECT count() AS n FROM uplinks FINAL WHERE deduplication_id IN (${sqlJoin(ids.map((id) => sql`${id}`))})`)) === ids.length ? true : undefined), 60_000, 250);
    expect(pipeline?.condition()).toEqual({ status: 'up' });
    expect(await count(sql`SELECT count() AS n FROM dead_letters FINAL`)).toBeGreaterThan(deadBefore + fuzzed.length / 2);
    // Every message was taken (none left unacknowledged with the broker): the buffer holds nothing more.
    await waitFor('buffer drained', async () => ((pipeline as unknown as { wal: { state(): { bufferedRecords: number } } }).wal.state().bufferedRecords === 0 ? true : undefined), 20_000, 100);
  });

  it('reports downlink outcomes on the outcome stream after storing them', async () => {
    const devEui = known[0]?.devEui as string;
    const queueItemId = '3d4f6a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    const base = { deviceInfo: { tenantId: TENANT, tenantName: 't', applicationId, applicationName: 'a', deviceProfileId: applicationId, deviceProfileName: 'p', deviceName: 'd', devEui, tags: {} } };
    const start = `${Date.now() - 1}-0`;
    await publisher.publishAsync(`application/${applicationId}/device/${devEui}/event/txack`, JSON.stringify({ ...base, time: new Date().toISOString(), downlinkId: 7, queueItemId, fCntDown: 3, gatewayId: '0016c001ff10a235' }), { qos: 1 });
    await publisher.publishAsync(`application/${applicationId}/device/${devEui}/event/ack`, JSON.stringify({ ...base, time: new Date().toISOString(), deduplicationId: 'c9dd4f9e-0b0f-4b0e-8bd0-7c9d3f2b1a11', queueItemId, acknowledged: true, fCntDown: 3 }), { qos: 1 });
    const entries = await waitFor('outcomes', async () => {
      const found = ((await redis.xrange(COMMAND_OUTCOME_STREAM, start, '+')) as Array<[string, string[]]>)
        .map(([, fields]) => JSON.parse(fields[1] as string) as { commandId: string; outcome: string })
        .filter((o) => o.commandId === queueItemId);
      return found.length >= 2 ? found : undefined;
    }, 20_000, 100);
    expect(entries.map((e) => e.outcome)).toEqual(['sent', 'acknowledged']);
  });
});

describe('the pipeline while ClickHouse is unreachable', () => {
  it('keeps acknowledging into the buffer and reports itself degraded with the reason', async () => {
    const walDir = await mkdtemp(join(tmpdir(), 'ingest-pipeline-down-'));
    const dead = new ClickHouseStore({ url: 'http://127.0.0.1:1', database: 'nowhere', requestTimeoutMs: 1000 });
    const redis = createRedisClient(testServices.redisUrl);
    const shareGroup = uniqueName('itest_down');
    const mqtt = new MqttConnection({ url: testServices.mqttUrl, clientId: uniqueName('itest-ingest-down'), sessionExpirySeconds: 30 }, logger);
    const pipeline = new IngestPipeline(
      { walDir, walSync: 'always', walCapacityBytes: 64 * 1024 * 1024, batchMaxRecords: 100, batchMaxWaitMs: 20, shareGroup, limits: DEFAULT_PARSE_LIMITS },
      mqtt,
      new BatchProcessor(async (ids) => new Map(ids.map((id) => [deviceKey(id), { state: 'unknown' as const }])), DEFAULT_PARSE_LIMITS),
      new TelemetryWriter(dead),
      new AfterCommit(redis),
      new IngestMetrics({ defaultMetrics: false }),
      logger,
    );
    const publisher = await connectAsync(testServices.mqttUrl, { protocolVersion: 5, clientId: uniqueName('itest-pub-down') });
    try {
      await pipeline.start();
      await pipeline.subscribed;
      expect(pipeline.condition()).toEqual({ status: 'up' });
      for (let i = 0; i < 20; i++) await publisher.publishAsync(`application/${TENANT}/device/70b3d5e75e00000${i % 10}/event/up`, `{"n":${i}}`, { qos: 1 });
      const condition = await waitFor('degraded', async () => {
        const c = pipeline.condition();
        return c.status === 'degraded' ? c : undefined;
      }, 20_000, 50);
      expect(condition.detail).toMatch(/write-ahead buffer: sink failing: .*ClickHouse/);
      expect(condition.detail).toMatch(/20 messages waiting/);
    } finally {
      await publisher.endAsync();
      await pipeline.stop().catch(() => undefined);
      redis.disconnect();
      await dead.close();
      await rm(walDir, { recursive: true, force: true });
    }
  });
});
