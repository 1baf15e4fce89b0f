import { eventTopic, fixture } from '../../test/chirpstack-fixtures';
import type { DeadLetterReason } from './dead-letter';
import { DEFAULT_PARSE_LIMITS } from './dead-letter';
import { parseEvent } from './parse-event';

const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const DEV = '70b3d5e75e001234';
const UP = eventTopic(APP, DEV, 'up');

function reasonFor(topic: string, payload: Buffer | string | object, limits = DEFAULT_PARSE_LIMITS): DeadLetterReason {
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const result = parseEvent(topic, bytes, limits);
  if (result.ok) throw new Error(`expected a rejection, got a ${result.event.event} event`);
  expect(result.reason.message.length).toBeGreaterThan(0);
  return result.reason;
}

/** The `up` fixture with one field replaced (a path of keys and indexes); undefined deletes it. */
function upWith(path: (string | number)[], value: unknown): Record<string, unknown> {
  const json = structuredClone(fixture('up').json);
  let node: Record<string | number, unknown> = json;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return json;
}

describe('parseEvent rejections', () => {
  it('NOT_AN_EVENT_TOPIC for a gateway or command topic', () => {
    expect(reasonFor('eu868/gateway/0016c001f153a14c/event/up', fixture('up').payload)).toMatchObject({ code: 'NOT_AN_EVENT_TOPIC', field: 'topic' });
    expect(reasonFor(`application/${APP}/device/${DEV}/command/down`, fixture('up').payload)).toMatchObject({ code: 'NOT_AN_EVENT_TOPIC' });
  });

  it('UNKNOWN_EVENT for the removed integration event', () => {
    expect(reasonFor(eventTopic(APP, DEV, 'integration'), '{}')).toEqual({
      code: 'UNKNOWN_EVENT',
      field: 'topic',
      message: expect.stringContaining('integration'),
    });
  });

  it('OVERSIZED for a message above maxMessageBytes, before reading it', () => {
    const payload = fixture('up').payload;
    expect(reasonFor(UP, payload, { ...DEFAULT_PARSE_LIMITS, maxMessageBytes: payload.length - 1 })).toMatchObject({ code: 'OVERSIZED', field: 'payload' });
    expect(parseEvent(UP, payload, { ...DEFAULT_PARSE_LIMITS, maxMessageBytes: payload.length }).ok).toBe(true);
  });

  it('OVERSIZED for a frame payload above maxFramePayloadBytes', () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxFramePayloadBytes: 7 };
    expect(reasonFor(UP, fixture('up').payload, limits)).toMatchObject({ code: 'OVERSIZED', field: 'data', message: expect.stringContaining('8 bytes') });
    expect(parseEvent(UP, fixture('up').payload, { ...limits, maxFramePayloadBytes: 8 }).ok).toBe(true);
    expect(reasonFor(UP, upWith(['data'], Buffer.alloc(256).toString('base64')))).toMatchObject({ code: 'OVERSIZED', field: 'data' });
  });

  it.each([
    ['not JSON', 'not json'],
    ['truncated JSON', fixture('up').payload.subarray(0, 100)],
    ['an empty message', ''],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ['a Protobuf payload (json=false)', Buffer.from('0a2435623063376635652d32663061', 'hex')],
  ])('MALFORMED_JSON for %s', (_label, payload) => {
    expect(reasonFor(UP, payload)).toMatchObject({ code: 'MALFORMED_JSON', field: 'payload' });
  });

  it.each([['an array', '[]'], ['a number', '42'], ['a string', '"up"'], ['null', 'null'], ['true', 'true']])('NOT_AN_OBJECT for %s', (_label, payload) => {
    expect(reasonFor(UP, payload)).toMatchObject({ code: 'NOT_AN_OBJECT', field: 'payload' });
  });

  it.each([
    [['deduplicationId'], 'deduplicationId'],
    [['deviceInfo'], 'deviceInfo'],
    [['deviceInfo', 'devEui'], 'deviceInfo.devEui'],
    [['deviceInfo', 'applicationId'], 'deviceInfo.applicationId'],
    [['deviceInfo', 'tenantId'], 'deviceInfo.tenantId'],
  ])('MISSING_FIELD when %j is absent', (path, field) => {
    expect(reasonFor(UP, upWith(path, undefined))).toMatchObject({ code: 'MISSING_FIELD', field });
    expect(reasonFor(UP, upWith(path, null))).toMatchObject({ code: 'MISSING_FIELD', field });
  });

  it('MISSING_FIELD for the queue item of ack and txack and the deduplicationId of join, status and location', () => {
    for (const [name, key] of [
      ['ack', 'queueItemId'],
      ['txack', 'queueItemId'],
      ['join', 'deduplicationId'],
      ['status', 'deduplicationId'],
      ['location', 'deduplicationId'],
    ]) {
      const f = fixture(name);
      expect(reasonFor(f.topic, { ...f.json, [key]: '' })).toMatchObject({ code: 'MISSING_FIELD', field: key });
    }
  });

  it.each([
    [['fCnt'], '412'],
    [['fCnt'], -1],
    [['fCnt'], 2 ** 32],
    [['fCnt'], 1.5],
    [['fPort'], 256],
    [['dr'], 16],
    [['adr'], 'true'],
    [['confirmed'], 0],
    [['data'], 123],
    [['time'], 1772446530],
    [['time'], '2026-03-02 10:15:30'],
    [['object'], 'a string'],
    [['object'], [1, 2]],
    [['deviceInfo'], 'x'],
    [['deviceInfo', 'tags'], ['plant-7']],
    [['deviceInfo', 'tags', 'site'], 7],
    [['deviceInfo', 'deviceClassEnabled'], 'CLASS_D'],
    [['deviceInfo', 'devEui'], 70351236],
    [['rxInfo'], {}],
    [['rxInfo', 0], 'gw'],
    [['rxInfo', 1, 'snr'], '7.25'],
    [['rxInfo', 0, 'rssi'], -97.5],
    [['rxInfo', 0, 'crcStatus'], 'OK'],
    [['rxInfo', 0, 'gwTime'], 'yesterday'],
    [['rxInfo', 1, 'location', 'latitude'], '52.3'],
    [['rxInfo', 0, 'metadata', 'region_config_id'], null],
    [['txInfo', 'frequency'], '868500000'],
    [['txInfo', 'modulation', 'lora', 'spreadingFactor'], 7.5],
    [['relayRxInfo'], true],
  ])('WRONG_TYPE for %j = %j', (path, value) => {
    const field = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
    expect(reasonFor(UP, upWith(path, value))).toMatchObject({ code: 'WRONG_TYPE', field });
  });

  it('WRONG_TYPE for a log level that does not exist and a log context value that is not a string', () => {
    const f = fixture('log-expired');
    expect(reasonFor(f.topic, { ...f.json, level: 'DEBUG' })).toMatchObject({ code: 'WRONG_TYPE', field: 'level' });
    expect(reasonFor(f.topic, { ...f.json, context: { queue_item_id: 7 } })).toMatchObject({ code: 'WRONG_TYPE', field: 'context.queue_item_id' });
  });

  it.each([
    ['URL-safe', 'AQID-_8='],
    ['unpadded', 'AQIDBAUGBwg'],
    ['with a line break', 'AQIDBAUG\nBwg='],
    ['hex instead of base64', '0102030405060708'.slice(0, 15)],
    ['non-canonical trailing bits', 'AQIDBAUGBwh='],
  ])('BAD_BASE64 for data %s', (_label, data) => {
    expect(reasonFor(UP, upWith(['data'], data))).toMatchObject({ code: 'BAD_BASE64', field: 'data' });
  });

  it('TOPIC_MISMATCH when deviceInfo names another device or application than the topic', () => {
    expect(reasonFor(UP, upWith(['deviceInfo', 'devEui'], '70b3d5e75e009999'))).toMatchObject({ code: 'TOPIC_MISMATCH', field: 'deviceInfo.devEui' });
    expect(reasonFor(eventTopic(APP, '70b3d5e75e009999', 'up'), fixture('up').payload)).toMatchObject({ code: 'TOPIC_MISMATCH', field: 'deviceInfo.devEui' });
    expect(reasonFor(eventTopic('a1b2c3d4-0000-4000-8000-000000000002', DEV, 'up'), fixture('up').payload)).toMatchObject({
      code: 'TOPIC_MISMATCH',
      field: 'deviceInfo.applicationId',
    });
  });

  it('an event published under the topic of another event type is checked against that type', () => {
    // A status payload on the up topic has no fields of an uplink beyond deduplicationId: it parses as an empty uplink.
    const status = fixture('status');
    expect(parseEvent(UP, status.payload)).toMatchObject({ ok: true, event: { event: 'up', fCnt: 0, rxInfo: [] } });
    // A log payload (no deduplicationId) on the up topic is rejected.
    expect(reasonFor(UP, fixture('log-expired').payload)).toMatchObject({ code: 'MISSING_FIELD', field: 'deduplicationId' });
  });
});
