import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import Redis from 'ioredis';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import { DomainError, deviceApplicationKey } from '@app/contracts';
import type { Actor, CommandOutcomeEvent, CommandView, CreateCommandRequest, MeterView } from '@app/contracts';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase, freePort, testServices, uniqueName, waitFor } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { meteringDataSourceSettings } from '../database/data-source';
import { CommandPublisher } from './command-publisher';
import { CommandsRepository } from './commands.repository';
import { CommandsService } from './commands.service';
import type { CommandSettings } from './commands.service';
import { rfc3339 } from './down-command';
import { CommandOutcomeConsumer, DEFAULT_OUTCOME_CONSUMER_OPTIONS } from './outcome-consumer';
import type { OutcomeConsumerOptions } from './outcome-consumer';

jest.setTimeout(60_000);

const logger = createLogger({ service: 'test', version: '0', level: 'silent' });
const tenantId = randomUUID();
const actor: Actor = { kind: 'user', id: randomUUID(), tenantId, roles: ['operator'], permissions: ['commands:send', 'devices:read'], ip: '127.0.0.1' };
const applicationId = randomUUID();
const randomEui = (): string => randomBytes(8).toString('hex');

function meter(over: Partial<MeterView> = {}): MeterView {
  return {
    id: randomUUID(), serial: `S-${randomEui()}`, vendor: 'Netvox', model: 'R809A', utility: 'electricity', codecId: 'netvox/r809a', nodeId: null, status: 'installed',
    lorawan: { devEui: randomEui(), joinEui: null, hasAppKey: true }, wmbus: null, multiplier: '1', registerUnit: null, installedAt: null, installIndex: null,
    removedAt: null, finalIndex: null, replacedById: null, replacesId: null, provisioning: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/**
 * Commands against the real PostgreSQL (throwaway database, real migrations), Redis (the outcome stream, under a
 * name of this test) and Mosquitto (a subscriber sees what is published). The system service's meter lookup is a
 * table of this test: the RPC is exercised end to end in test/e2e/commands.e2e-spec.ts.
 */
describe('metering commands on PostgreSQL, Redis and Mosquitto', () => {
  let database: TestDatabase;
  let db: DataSource;
  let redis: Redis;
  let publisher: CommandPublisher;
  let subscriber: MqttClient;
  const meters = new Map<string, MeterView>();
  const redisKeys: string[] = [];
  const streams: string[] = [];
  const consumers: CommandOutcomeConsumer[] = [];
  const received: Array<{ topic: string; payload: string }> = [];

  const serviceWith = (over: { publisher?: CommandPublisher; settings?: Partial<CommandSettings> } = {}) =>
    new CommandsService(
      new CommandsRepository(db),
      async (id) => {
        const found = meters.get(id);
        if (!found) throw new DomainError('NOT_FOUND', `Meter ${id} not found`);
        return found;
      },
      (devEui) => redis.get(deviceApplicationKey(devEui)),
      over.publisher ?? publisher,
      { defaultTtlSeconds: 3600, ...over.settings },
      logger,
    );

  /** A meter the test knows, heard by ingest in `applicationId` (the Redis key ingest sets). */
  async function knownMeter(over: Partial<MeterView> = {}): Promise<MeterView> {
    const m = meter(over);
    meters.set(m.id, m);
    if (m.lorawan) {
      redisKeys.push(deviceApplicationKey(m.lorawan.devEui));
      await redis.set(deviceApplicationKey(m.lorawan.devEui), applicationId, 'EX', 600);
    }
    return m;
  }

  async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  async function startConsumer(service: CommandsService, over: Partial<OutcomeConsumerOptions> = {}): Promise<{ stream: string; consumer: CommandOutcomeConsumer }> {
    const stream = over.stream ?? uniqueName('itest.command.outcome');
    if (!streams.includes(stream)) streams.push(stream);
    const consumer = new CommandOutcomeConsumer(new Redis(testServices.redisUrl), (e) => service.applyOutcome(e), logger, {
      ...DEFAULT_OUTCOME_CONSUMER_OPTIONS,
      blockMs: 200,
      retryMs: 100,
      consumer: `c-${randomEui()}`,
      ...over,
      stream,
    });
    consumers.push(consumer);
    await consumer.start();
    return { stream, consumer };
  }

  const outcome = (command: CommandView, over: Partial<CommandOutcomeEvent>): string =>
    JSON.stringify({ commandId: command.id, devEui: command.devEui, applicationId: command.applicationId, outcome: 'sent', at: new Date().toISOString(), ...over });

  const stateOf = async (service: CommandsService, id: string) => (await service.get(tenantId, id)).state;

  beforeAll(async () => {
    database = await createTestPostgresDatabase('metering_commands');
    await runPostgresMigrations(createServiceDataSource(meteringDataSourceSettings(database.url)));
    db = createServiceDataSource(meteringDataSourceSettings(database.url));
    await db.initialize();
    redis = new Redis(testServices.redisUrl);
    publisher = new CommandPublisher({ url: testServices.mqttUrl, clientId: `itest-metering-${randomEui()}`, publishTimeoutMs: 5000 }, logger);
    await publisher.waitConnected();
    subscriber = await connectAsync(testServices.mqttUrl, { clientId: `itest-cmd-sub-${randomEui()}` });
    subscriber.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
    await subscriber.subscribeAsync(`application/${applicationId}/device/+/command/down`, { qos: 1 });
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    if (redis) {
      if (redisKeys.length > 0) await redis.del(...redisKeys);
      if (streams.length > 0) await redis.del(...streams);
      redis.disconnect();
    }
    await subscriber?.endAsync();
    await publisher?.close();
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  });

  it('creates a command: stored queued, published byte for byte as ChirpStack command/down with QoS 1', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const view = await service.create(actor, { meterId: m.id, type: 'relay', on: true, expiresInSeconds: 600 });
    expect(view).toMatchObject({ meterId: m.id, devEui: m.lorawan!.devEui, applicationId, kind: 'relay', request: { type: 'relay', on: true }, state: 'queued', confirmed: true, reason: null, createdBy: { kind: 'user', id: actor.id } });
    expect(view.payloadHex).toMatch(/^([0-9a-f]{2})+$/);
    const message = await waitFor('the command/down message', async () => received.find((r) => r.payload.includes(view.id)), 5000, 50);
    expect(message.topic).toBe(`application/${applicationId}/device/${m.lorawan!.devEui}/command/down`);
    expect(message.payload).toBe(
      JSON.stringify({ id: view.id, devEui: m.lorawan!.devEui, confirmed: true, fPort: view.fPort, data: Buffer.from(view.payloadHex, 'hex').toString('base64'), expiresAt: rfc3339(new Date(view.expiresAt)) }),
    );
    expect(Date.parse(view.expiresAt) - Date.parse(view.createdAt)).toBe(600_000);
    const stored = await service.get(tenantId, view.id);
    expect(stored.events).toEqual([expect.objectContaining({ fromState: null, toState: 'queued', source: 'api' })]);
    await expect(service.get(randomUUID(), view.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('follows outcomes from the stream: sent, then acknowledged; repeats and older outcomes change nothing', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const view = await service.create(actor, { meterId: m.id, type: 'read_config', confirmed: true });
    const { stream } = await startConsumer(service);
    const txackAt = '2026-03-02T10:16:01.900Z';
    await redis.xadd(stream, '*', 'event', outcome(view, { outcome: 'sent', at: txackAt }));
    await waitFor('sent', async () => (await stateOf(service, view.id)) === 'sent', 10_000, 50);
    await redis.xadd(stream, '*', 'event', outcome(view, { outcome: 'acknowledged' }));
    await waitFor('acknowledged', async () => (await stateOf(service, view.id)) === 'acknowledged', 10_000, 50);
    for (const again of ['sent', 'acknowledged', 'failed', 'expired'] as const) await redis.xadd(stream, '*', 'event', outcome(view, { outcome: again, reason: 'late' }));
    // A marker after the repeats: once it is applied, the repeats were too (one consumer, in order).
    const marker = await service.create(actor, { meterId: m.id, type: 'read_config' });
    await redis.xadd(stream, '*', 'event', outcome(marker, { outcome: 'sent' }));
    await waitFor('the marker', async () => (await stateOf(service, marker.id)) === 'sent', 10_000, 50);
    const final = await service.get(tenantId, view.id);
    expect(final).toMatchObject({ state: 'acknowledged', reason: null, sentAt: txackAt });
    expect(final.acknowledgedAt).not.toBeNull();
    expect(final.events!.map((e) => [e.fromState, e.toState, e.source])).toEqual([[null, 'queued', 'api'], ['queued', 'sent', 'outcome'], ['sent', 'acknowledged', 'outcome']]);
    expect(final.events![1].eventAt).toBe(txackAt);
    await waitFor('every entry acknowledged', async () => ((await redis.xpending(stream, 'metering')) as [number])[0] === 0, 5000, 50);
  });

  it('takes an ack before its txack (out of order) and a failure with its reason; ignores unknown ids, other devices and junk', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const early = await service.create(actor, { meterId: m.id, type: 'reset_counter' });
    const failing = await service.create(actor, { meterId: m.id, type: 'reporting_interval', seconds: 900 });
    const { stream } = await startConsumer(service);
    await redis.xadd(stream, '*', 'event', outcome(early, { outcome: 'acknowledged' }));
    await redis.xadd(stream, '*', 'event', outcome(early, { outcome: 'sent' }));
    await redis.xadd(stream, '*', 'event', JSON.stringify({ commandId: randomUUID(), devEui: randomEui(), applicationId, outcome: 'sent', at: new Date().toISOString() }));
    await redis.xadd(stream, '*', 'event', outcome(failing, { devEui: randomEui(), outcome: 'acknowledged' }));
    await redis.xadd(stream, '*', 'event', 'not json');
    await redis.xadd(stream, '*', 'other', 'field');
    await redis.xadd(stream, '*', 'event', outcome(failing, { outcome: 'failed', reason: 'DOWNLINK_PAYLOAD_SIZE: max 11 bytes' }));
    await waitFor('failed', async () => (await stateOf(service, failing.id)) === 'failed', 10_000, 50);
    expect(await service.get(tenantId, early.id)).toMatchObject({ state: 'acknowledged', sentAt: null });
    expect(await service.get(tenantId, failing.id)).toMatchObject({ state: 'failed', reason: 'DOWNLINK_PAYLOAD_SIZE: max 11 bytes' });
    await waitFor('every entry acknowledged', async () => ((await redis.xpending(stream, 'metering')) as [number])[0] === 0, 5000, 50);
  });

  it('claims the pending outcomes of a dead consumer, so none is lost', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const view = await service.create(actor, { meterId: m.id, type: 'read_config' });
    const stream = uniqueName('itest.command.outcome');
    streams.push(stream);
    await redis.xgroup('CREATE', stream, 'metering', '0', 'MKSTREAM');
    await redis.xadd(stream, '*', 'event', outcome(view, { outcome: 'sent' }));
    // A consumer that read the entry and died before its XACK.
    const read = (await redis.xreadgroup('GROUP', 'metering', 'dead-instance', 'COUNT', 10, 'STREAMS', stream, '>')) as Array<[string, unknown[]]>;
    expect(read[0][1]).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    await startConsumer(service, { stream, claimIdleMs: 200 });
    await waitFor('sent through the claim', async () => (await stateOf(service, view.id)) === 'sent', 10_000, 50);
    await waitFor('nothing pending', async () => ((await redis.xpending(stream, 'metering')) as [number])[0] === 0, 5000, 50);
  });

  it('re-reads its own pending entries after a restart', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const view = await service.create(actor, { meterId: m.id, type: 'read_config' });
    const stream = uniqueName('itest.command.outcome');
    streams.push(stream);
    await redis.xgroup('CREATE', stream, 'metering', '0', 'MKSTREAM');
    await redis.xadd(stream, '*', 'event', outcome(view, { outcome: 'sent' }));
    await redis.xreadgroup('GROUP', 'metering', 'instance-a', 'COUNT', 10, 'STREAMS', stream, '>');
    await startConsumer(service, { stream, consumer: 'instance-a', claimIdleMs: 600_000 });
    await waitFor('sent from its own pending list', async () => (await stateOf(service, view.id)) === 'sent', 10_000, 50);
  });

  it('expires at the deadline what waits for an outcome, once, with two sweeps at the same time', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const queued = await service.create(actor, { meterId: m.id, type: 'read_config', expiresInSeconds: 60 });
    const sentConfirmed = await service.create(actor, { meterId: m.id, type: 'read_config', confirmed: true, expiresInSeconds: 60 });
    const sentUnconfirmed = await service.create(actor, { meterId: m.id, type: 'read_config', confirmed: false, expiresInSeconds: 60 });
    const later = await service.create(actor, { meterId: m.id, type: 'read_config', expiresInSeconds: 3600 });
    for (const c of [sentConfirmed, sentUnconfirmed]) await service.applyOutcome({ commandId: c.id, devEui: c.devEui, applicationId, outcome: 'sent', at: new Date().toISOString() });
    expect(await service.expireDue(new Date())).toBe(0);
    const at = new Date(Date.now() + 61_000);
    const [a, b] = await Promise.all([service.expireDue(at), serviceWith().expireDue(at)]);
    expect(a + b).toBeGreaterThanOrEqual(2); // other tests' commands may expire too
    expect(await service.get(tenantId, queued.id)).toMatchObject({ state: 'expired', reason: 'no txack before the deadline', expiredAt: at.toISOString() });
    expect(await service.get(tenantId, sentConfirmed.id)).toMatchObject({ state: 'expired', reason: 'no ack before the deadline' });
    expect(await stateOf(service, sentUnconfirmed.id)).toBe('sent');
    expect(await stateOf(service, later.id)).toBe('queued');
    const history = (await service.get(tenantId, queued.id)).events!;
    expect(history.filter((e) => e.toState === 'expired')).toEqual([expect.objectContaining({ source: 'deadline' })]);
    expect(await service.expireDue(at)).toBe(0);
    // A late txack after the expiry changes nothing.
    expect(await service.applyOutcome({ commandId: queued.id, devEui: queued.devEui, applicationId, outcome: 'sent', at: new Date().toISOString() })).toBe('unchanged');
  });

  it('refuses what cannot be sent, naming the field', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const unsupported = await errorOf(service.create(actor, { meterId: m.id, type: 'valve', open: false }));
    expect(unsupported).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(unsupported.message).toContain('UNSUPPORTED');
    expect(unsupported.fields?.[0]?.field).toBe('type');
    const badValue = await errorOf(service.create(actor, { meterId: m.id, type: 'reporting_interval', seconds: 10 ** 9 }));
    expect([badValue.code, badValue.fields?.[0]?.field]).toEqual(['VALIDATION_FAILED', 'seconds']);
    const wmbus = await knownMeter({ lorawan: null, wmbus: { manufacturer: 'KAM', id: '12345678', hasAesKey: false } });
    expect((await errorOf(service.create(actor, { meterId: wmbus.id, type: 'read_config' }))).fields?.[0]).toMatchObject({ field: 'meterId' });
    const noCodec = await knownMeter({ codecId: null });
    expect(await errorOf(service.create(actor, { meterId: noCodec.id, type: 'read_config' }))).toMatchObject({ code: 'UNPROCESSABLE', fields: [expect.objectContaining({ field: 'meterId' })] });
    const archived = await knownMeter({ status: 'archived' });
    expect((await errorOf(service.create(actor, { meterId: archived.id, type: 'read_config' }))).code).toBe('CONFLICT');
    expect((await errorOf(service.create(actor, { meterId: randomUUID(), type: 'read_config' }))).code).toBe('NOT_FOUND');
    expect((await service.list(tenantId, { meterId: m.id })).items).toEqual([]);
  });

  it('takes the application from ingest\'s Redis key, else CHIRPSTACK_APPLICATION_ID, else refuses with 409', async () => {
    const unheard = meter();
    meters.set(unheard.id, unheard);
    const request: CreateCommandRequest = { meterId: unheard.id, type: 'read_config' };
    const refused = await errorOf(serviceWith().create(actor, request));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('CHIRPSTACK_APPLICATION_ID');
    const fallback = randomUUID();
    const view = await serviceWith({ settings: { fallbackApplicationId: fallback } }).create(actor, request);
    expect(view.applicationId).toBe(fallback);
  });

  it('leaves the command failed with the reason when the broker does not take the message', async () => {
    const deadBroker = new CommandPublisher({ url: `mqtt://127.0.0.1:${await freePort()}`, clientId: `itest-dead-${randomEui()}`, publishTimeoutMs: 1000 }, logger);
    try {
      const service = serviceWith({ publisher: deadBroker });
      const m = await knownMeter();
      const error = await errorOf(service.create(actor, { meterId: m.id, type: 'read_config' }));
      expect(error.code).toBe('DEPENDENCY_FAILED');
      const [stored] = (await service.list(tenantId, { meterId: m.id })).items;
      expect(stored).toMatchObject({ state: 'failed' });
      expect(stored.reason).toContain('MQTT publish failed: MQTT broker not connected');
      expect(error.message).toContain(stored.id);
      expect((await service.get(tenantId, stored.id)).events!.map((e) => [e.toState, e.source])).toEqual([['queued', 'api'], ['failed', 'publish']]);
    } finally {
      await deadBroker.close();
    }
  });

  it('fails the command when the broker never acknowledges (PUBACK), and drops the message from the client\'s store', async () => {
    // A broker that accepts the connection (MQTT 5 CONNACK) and then never answers a PUBLISH.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => socket.write(Buffer.from([0x20, 0x03, 0x00, 0x00, 0x00])));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const mute = new CommandPublisher({ url: `mqtt://127.0.0.1:${port}`, clientId: `itest-mute-${randomEui()}`, publishTimeoutMs: 300 }, logger);
    try {
      await mute.waitConnected(5000);
      const service = serviceWith({ publisher: mute });
      const m = await knownMeter();
      const error = await errorOf(service.create(actor, { meterId: m.id, type: 'read_config' }));
      expect(error.code).toBe('DEPENDENCY_FAILED');
      const [stored] = (await service.list(tenantId, { meterId: m.id })).items;
      expect(stored).toMatchObject({ state: 'failed' });
      expect(stored.reason).toContain('no PUBACK from the MQTT broker within 300 ms');
      expect(Object.keys(mute.client.outgoing)).toEqual([]);
    } finally {
      await Promise.race([mute.close(), new Promise((r) => setTimeout(r, 1000))]);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('lists a meter\'s commands newest first with keyset paging', async () => {
    const service = serviceWith();
    const m = await knownMeter();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await service.create(actor, { meterId: m.id, type: 'reporting_interval', seconds: 600 + i }, new Date(Date.UTC(2026, 0, 1, 0, 0, i % 3)))).id);
    const seen: CommandView[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list(tenantId, { meterId: m.id, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((c) => c.id).sort()).toEqual([...made].sort());
    const keys = seen.map((c) => `${c.createdAt}|${c.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect((await errorOf(service.list(tenantId, { meterId: m.id, cursor: 'garbage' }))).fields?.[0]?.field).toBe('cursor');
  });
});
