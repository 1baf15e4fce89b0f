import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { COMMAND_OUTCOME_STREAM, deviceApplicationKey } from '@app/contracts';
import type { CommandPage, CommandView, MeterView } from '@app/contracts';
import { Stack, apiCall, signIn, testServices, waitFor } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const API = '/api/v1';

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

/**
 * Downlink commands through the whole platform: the gateway, metering (its own MQTT client and the outcome
 * stream consumer) and the system service's meter registry, with Mosquitto in the middle. Ingest's side is
 * played by the test: it sets the device's application key and appends outcomes to the stream, as ingest does.
 */
describe('downlink commands over HTTP against the real stack', () => {
  let stack: Stack;
  let token: string;
  let redis: Redis;
  let subscriber: MqttClient;
  const applicationId = randomUUID();
  const received: Array<{ topic: string; payload: string }> = [];
  const call = <T>(method: string, path: string, options?: Parameters<typeof apiCall>[3]) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, ...options });

  async function lorawanMeter(codecId: string): Promise<MeterView> {
    const devEui = randomBytes(8).toString('hex');
    const created = await call<MeterView>('POST', '/meters', { body: { serial: `CMD-${devEui}`, vendor: 'Netvox', utility: 'electricity', codecId, lorawan: { devEui } } });
    expect(created.status).toBe(201);
    await redis.set(deviceApplicationKey(devEui), applicationId); // what ingest records for a device it hears
    return created.body;
  }

  beforeAll(async () => {
    stack = await Stack.start();
    token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    redis = new Redis(stack.env.REDIS_URL);
    subscriber = await connectAsync(testServices.mqttUrl, { clientId: `e2e-cmd-${applicationId.slice(0, 8)}` });
    subscriber.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
    await subscriber.subscribeAsync(`application/${applicationId}/device/+/command/down`, { qos: 1 });
  });
  afterAll(async () => {
    await subscriber?.endAsync();
    redis?.disconnect();
    await stack?.stop();
  });

  it('sends a command: 202 queued, command/down on the broker, outcomes from the stream change its state', async () => {
    const meter = await lorawanMeter('netvox/r809a');
    const devEui = meter.lorawan!.devEui;
    const created = await call<CommandView>('POST', `/meters/${meter.id}/commands`, { body: { type: 'relay', on: true, expiresInSeconds: 3600 } });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ meterId: meter.id, devEui, applicationId, kind: 'relay', request: { type: 'relay', on: true }, state: 'queued', confirmed: true });
    const id = created.body.id;

    const message = await waitFor('command/down on Mosquitto', async () => received.find((m) => m.payload.includes(id)), 10_000, 50);
    expect(message.topic).toBe(`application/${applicationId}/device/${devEui}/command/down`);
    const payload = JSON.parse(message.payload) as Record<string, unknown>;
    expect(payload).toEqual({ id, devEui, confirmed: true, fPort: created.body.fPort, data: Buffer.from(created.body.payloadHex, 'hex').toString('base64'), expiresAt: expect.any(String) });
    expect(Date.parse(payload.expiresAt as string)).toBe(Date.parse(created.body.expiresAt));

    const outcome = (o: string, reason?: string) => JSON.stringify({ commandId: id, devEui, applicationId, outcome: o, at: new Date().toISOString(), ...(reason ? { reason } : {}) });
    await redis.xadd(COMMAND_OUTCOME_STREAM, '*', 'event', outcome('sent'));
    await waitFor('sent', async () => (await call<CommandView>('GET', `/commands/${id}`)).body.state === 'sent', 15_000, 100);
    await redis.xadd(COMMAND_OUTCOME_STREAM, '*', 'event', outcome('acknowledged'));
    await redis.xadd(COMMAND_OUTCOME_STREAM, '*', 'event', outcome('sent'));
    await redis.xadd(COMMAND_OUTCOME_STREAM, '*', 'event', outcome('failed', 'late'));
    const done = await waitFor('acknowledged', async () => {
      const got = await call<CommandView>('GET', `/commands/${id}`);
      return got.body.state === 'acknowledged' && ((await redis.xpending(COMMAND_OUTCOME_STREAM, 'metering')) as [number])[0] === 0 ? got : undefined;
    }, 15_000, 100);
    expect(done.status).toBe(200);
    expect(done.body.events!.map((e) => e.toState)).toEqual(['queued', 'sent', 'acknowledged']);
    expect(done.body).toMatchObject({ state: 'acknowledged', reason: null });
    expect(done.body.createdBy.kind).toBe('user');

    const list = await call<CommandPage>('GET', `/meters/${meter.id}/commands`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => [c.id, c.state])).toEqual([[id, 'acknowledged']]);
  });

  it('names the field of a bad request (400) and of a command the codec cannot encode (422)', async () => {
    const meter = await lorawanMeter('netvox/r809a');
    const missing = await call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { body: { type: 'relay' } });
    expect([missing.status, missing.body.error.code, missing.body.error.fields?.map((f) => f.field)]).toEqual([400, 'VALIDATION_FAILED', ['on']]);
    const tooSoon = await call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { body: { type: 'read_config', expiresInSeconds: 5 } });
    expect([tooSoon.status, tooSoon.body.error.fields?.map((f) => f.field)]).toEqual([400, ['expiresInSeconds']]);
    const unknown = await call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { body: { type: 'self_destruct' } });
    expect([unknown.status, unknown.body.error.fields?.map((f) => f.field)]).toEqual([400, ['type']]);
    const unsupported = await call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { body: { type: 'valve', open: false } });
    expect([unsupported.status, unsupported.body.error.code, unsupported.body.error.fields?.map((f) => f.field)]).toEqual([422, 'UNPROCESSABLE', ['type']]);
    expect(unsupported.body.error.message).toContain('netvox/r809a');
    const wmbus = await call<MeterView>('POST', '/meters', { body: { serial: `CMD-WMBUS-${randomBytes(3).toString('hex')}`, vendor: 'Kamstrup', utility: 'water', wmbus: { manufacturer: 'KAM', id: '12345678' } } });
    const notLora = await call<ErrorBody>('POST', `/meters/${wmbus.body.id}/commands`, { body: { type: 'read_config' } });
    expect([notLora.status, notLora.body.error.fields?.map((f) => f.field)]).toEqual([422, ['meterId']]);
    expect((await call<CommandPage>('GET', `/meters/${meter.id}/commands`)).body.items).toEqual([]);
  });

  it('answers 403 without commands:send and 404 for another tenant\'s meter or command', async () => {
    const meter = await lorawanMeter('netvox/r809a');
    const sent = await call<CommandView>('POST', `/meters/${meter.id}/commands`, { body: { type: 'read_config' } });
    expect(sent.status).toBe(202);

    const password = 'Commands-Walk-2025!';
    const analyst = await call('POST', '/users', { body: { email: 'analyst@commands.example', displayName: 'Analyst', password, roles: ['analyst'] } });
    expect(analyst.status).toBe(201);
    const analystToken = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'analyst@commands.example', password)).accessToken;
    const refused = await call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { token: analystToken, body: { type: 'read_config' } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('GET', `/commands/${sent.body.id}`, { token: analystToken })).status).toBe(200);

    const root = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const tenant = await call('POST', '/tenants', {
      token: root.accessToken,
      body: { slug: 'commands-other', name: 'Other', admin: { email: 'admin@commands-other.example', displayName: 'Other', password: 'Other-Admin-2025!' } },
    });
    expect(tenant.status).toBe(201);
    const other = (await signIn(stack.gatewayUrl, 'commands-other', 'admin@commands-other.example', 'Other-Admin-2025!')).accessToken;
    const answers = await Promise.all([
      call<ErrorBody>('POST', `/meters/${meter.id}/commands`, { token: other, body: { type: 'read_config' } }),
      call<ErrorBody>('GET', `/meters/${meter.id}/commands`, { token: other }),
      call<ErrorBody>('GET', `/commands/${sent.body.id}`, { token: other }),
    ]);
    for (const answer of answers) expect([answer.status, answer.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call<CommandPage>('GET', `/meters/${meter.id}/commands`)).body.items).toHaveLength(1);
  });
});
