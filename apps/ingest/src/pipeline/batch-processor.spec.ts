/**
 * BatchProcessor with an in-memory device directory (the system service's resolution has its own integration
 * tests): what each kind of message becomes. Payloads are real: the ChirpStack fixtures, a codec vector of the
 * LoRaWAN library and a public wM-Bus telegram with its key (libs/codecs/test/fixtures, sources listed there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUplink, decodeWmbus } from '@app/codecs';
import type { DeviceResolution, KnownDevice } from '@app/contracts';
import { lorawanVectors, wmbusVectors } from '../../../../libs/codecs/test/vectors';
import { deviceKey } from '../devices/device-keys';
import type { DeviceIdentity } from '../devices/device-keys';
import { DEFAULT_PARSE_LIMITS } from '../events/dead-letter';
import { BatchProcessor, CODEC_REJECTED, messageId } from './batch-processor';
import type { IncomingMessage } from './batch-processor';
import { WMBUS_BRIDGE_CODEC } from './decode';
import { NIL_UUID, flattenReadings } from './rows';
import type { ReadingGroup, ReadingRow } from './rows';

const flat = (groups: readonly ReadingGroup[]): ReadingRow[] => groups.flatMap(flattenReadings);

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'chirpstack');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown> & { deviceInfo: Record<string, unknown> };
const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const RECEIVED = Date.parse('2026-03-02T10:15:31Z');

const known = (meterId: string, codecId: string | null, extra: Partial<KnownDevice> = {}): KnownDevice => ({
  state: 'known', meterId, tenantId: TENANT, codecId, utility: 'water', multiplier: '1', status: 'installed', ...extra,
});

function processorWith(entries: Array<[DeviceIdentity, DeviceResolution]>): BatchProcessor {
  const registry = new Map(entries.map(([id, res]) => [deviceKey(id), res]));
  return new BatchProcessor(async (ids) => new Map(ids.map((id) => [deviceKey(id), registry.get(deviceKey(id)) ?? { state: 'unknown' as const }])), DEFAULT_PARSE_LIMITS);
}

function upMessage(devEui: string, data: Buffer, fPort: number, overrides: Record<string, unknown> = {}): IncomingMessage {
  const event = fixture('up');
  const body = { ...event, ...overrides, deviceInfo: { ...event.deviceInfo, devEui }, data: data.toString('base64'), fPort };
  return { topic: `application/${APP}/device/${devEui}/event/up`, payload: Buffer.from(JSON.stringify(body)), receivedAt: RECEIVED };
}

describe('BatchProcessor', () => {
  const vector = lorawanVectors().find((v) => v.expected.data && !v.expected.errors?.length && decodeUplink(v.codec, v.fPort, Buffer.from(v.hex, 'hex'), v.recvTime).measurements.length > 0);
  if (!vector) throw new Error('no LoRaWAN vector with measurements');
  const payload = Buffer.from(vector.hex, 'hex');

  it('decodes an uplink with the device\'s codec into one reading per measurement, under its meter and tenant', async () => {
    const devEui = '70b3d5e75e001234';
    const processor = processorWith([[{ devEui }, known('m-1', vector.codec)]]);
    const { rows, decoded, applications } = await processor.processMessages([upMessage(devEui, payload, vector.fPort)], 7);
    const expected = decodeUplink(vector.codec, vector.fPort, payload, '2026-03-02T10:15:30.123456789+00:00').measurements;
    expect(flat(rows.readings)).toHaveLength(expected.length);
    expect(flat(rows.readings)[0]).toMatchObject({ tenant_id: TENANT, device_id: 'm-1', device_address: devEui, quantity: expected[0]?.quantity, value: expected[0]?.value, codec: vector.codec, source: 'lorawan', deduplication_id: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11', version: 7 });
    expect(rows.uplinks).toEqual([expect.objectContaining({ tenant_id: TENANT, event: 'up', decode_status: 'ok', codec: vector.codec, f_cnt: 412, payload_hex: vector.hex.toLowerCase() })]);
    expect(rows.uplinks[0]?.ts.toISOString()).toBe('2026-03-02T10:15:30.123Z');
    // Best gateway first (SNR 7.25 before -11.5), one last-seen row per gateway.
    expect(rows.device_status).toEqual([expect.objectContaining({ device_id: 'm-1', rssi: -97, snr: 7.25, gateway_ids: ['0016c001f153a14c', '0016c001f1539b2e'], frequency: 868500000, dr: 5 })]);
    expect(rows.gateway_last_seen.map((g) => g.gateway_id).sort()).toEqual(['0016c001f1539b2e', '0016c001f153a14c']);
    expect(decoded).toEqual(['up']);
    expect(applications.get(devEui)).toBe(APP);
    expect(rows.dead_letters).toEqual([]);
  });

  it('keeps an uplink the codec refuses, marked failed, and dead-letters it with the device\'s tenant', async () => {
    const devEui = '70b3d5e75e001235';
    const processor = processorWith([[{ devEui }, known('m-2', 'netvox/r718n3')]]);
    const message = upMessage(devEui, Buffer.from([0xff]), 6);
    const result = await processor.processMessages([message], 1);
    expect(result.rows.uplinks[0]).toMatchObject({ decode_status: 'failed', codec: 'netvox/r718n3' });
    expect(result.rows.uplinks[0]?.decode_error).toMatch(/^[A-Z_]+: /);
    expect(result.rows.dead_letters).toEqual([expect.objectContaining({ tenant_id: TENANT, code: CODEC_REJECTED, field: 'data', dev_eui: devEui, event: 'up', id: messageId(message.topic, message.payload) })]);
    expect(result.rows.readings).toEqual([]);
    expect(result.codecFailures).toHaveLength(1);
  });

  it('archives without decoding: no codec (no_codec), MAC-only uplinks (not_applicable)', async () => {
    const devEui = '70b3d5e75e001236';
    const processor = processorWith([[{ devEui }, known('m-3', null)]]);
    const result = await processor.processMessages([upMessage(devEui, payload, 2), upMessage(devEui, Buffer.alloc(0), 0, { deduplicationId: 'b0c7f5e2-0000-4000-8000-000000000000' })], 1);
    expect(result.rows.uplinks.map((u) => u.decode_status)).toEqual(['no_codec', 'not_applicable']);
    expect(result.rows.dead_letters).toEqual([]);
  });

  it('decodes a bridged wM-Bus telegram with the named meter\'s key and attributes the readings to that meter', async () => {
    const telegram = wmbusVectors().find((v) => v.id === 'wmb-aventieswm-01');
    if (!telegram) throw new Error('vector wmb-aventieswm-01 missing');
    const bytes = Buffer.from(telegram.hex, 'hex');
    const expected = decodeWmbus(bytes, { key: Buffer.from(telegram.key, 'hex') }).measurements.filter((m) => Number.isFinite(m.value));
    const bridge = '70b3d5e75e00b1d6';
    const meter = { wmbus: { manufacturer: 'AAA', id: telegram.meterId } };
    const processor = processorWith([
      [{ devEui: bridge }, known('bridge-1', WMBUS_BRIDGE_CODEC)],
      [meter, known('wmbus-meter-1', 'wmbus', { aesKey: telegram.key })],
    ]);
    const { rows } = await processor.processMessages([upMessage(bridge, bytes, 1)], 1);
    expect(flat(rows.readings)).toHaveLength(expected.length);
    expect(flat(rows.readings).every((r) => r.device_id === 'wmbus-meter-1' && r.device_address === `AAA:${telegram.meterId}` && r.source === 'wmbus')).toBe(true);
    expect(rows.uplinks[0]).toMatchObject({ tenant_id: TENANT, dev_eui: bridge, decode_status: 'ok' });
    expect(rows.device_status[0]).toMatchObject({ device_id: 'bridge-1' });

    // A wrong key: refused, dead-lettered; the meter of another tenant or no meter: nothing attributed.
    const wrongKey = processorWith([[{ devEui: bridge }, known('bridge-1', WMBUS_BRIDGE_CODEC)], [meter, known('wmbus-meter-1', 'wmbus', { aesKey: '01'.repeat(16) })]]);
    const refused = await wrongKey.processMessages([upMessage(bridge, bytes, 1)], 1);
    expect([refused.rows.uplinks[0]?.decode_status, refused.rows.readings.length, refused.rows.dead_letters[0]?.code]).toEqual(['failed', 0, CODEC_REJECTED]);
    const foreign = processorWith([[{ devEui: bridge }, known('bridge-1', WMBUS_BRIDGE_CODEC)], [meter, known('wmbus-meter-1', 'wmbus', { aesKey: telegram.key, tenantId: OTHER })]]);
    const notOurs = await foreign.processMessages([upMessage(bridge, bytes, 1)], 1);
    expect([notOurs.rows.uplinks[0]?.decode_status, notOurs.rows.readings.length]).toEqual(['unknown_meter', 0]);
    expect(notOurs.rows.uplinks[0]?.decode_error).toContain(`AAA:${telegram.meterId}`);
  });

  it('keeps events of unknown, archived and ambiguous devices as unassigned, with the reason', async () => {
    const processor = processorWith([
      [{ devEui: '70b3d5e75e00a001' }, { state: 'archived', meterId: 'x', tenantId: TENANT }],
      [{ devEui: '70b3d5e75e00a002' }, { state: 'ambiguous', tenantIds: [TENANT, OTHER] }],
    ]);
    const { rows, outcomes } = await processor.processMessages(
      ['70b3d5e75e00a000', '70b3d5e75e00a001', '70b3d5e75e00a002'].map((d, i) => upMessage(d, payload, 2, { deduplicationId: `5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a1${i}` })),
      1,
    );
    expect(rows.unassigned_uplinks.map((u) => [u.dev_eui, u.reason, u.assigned])).toEqual([
      ['70b3d5e75e00a000', 'unknown', 0],
      ['70b3d5e75e00a001', 'archived', 0],
      ['70b3d5e75e00a002', 'ambiguous', 0],
    ]);
    expect(rows.unassigned_uplinks[0]).toMatchObject({ application_id: APP, f_port: 2, payload_hex: vector.hex.toLowerCase(), topic: `application/${APP}/device/70b3d5e75e00a000/event/up` });
    expect([rows.uplinks.length, rows.readings.length, outcomes.length]).toEqual([0, 0, 0]);
  });

  it('dead-letters a malformed message with nobody\'s tenant and the device from its topic', async () => {
    const processor = processorWith([]);
    const topic = `application/${APP}/device/70b3d5e75e00dead/event/up`;
    const { rows, deadLetterCodes } = await processor.processMessages([{ topic, payload: Buffer.from('{"deduplicationId":'), receivedAt: RECEIVED }], 1);
    expect(rows.dead_letters).toEqual([expect.objectContaining({ tenant_id: NIL_UUID, code: 'MALFORMED_JSON', dev_eui: '70b3d5e75e00dead', event: 'up', raw_base64: Buffer.from('{"deduplicationId":').toString('base64') })]);
    expect(deadLetterCodes).toEqual(['MALFORMED_JSON']);
  });

  it('never trusts an implausible clock: the event time falls back to the receive time', async () => {
    const devEui = '70b3d5e75e001237';
    const processor = processorWith([[{ devEui }, known('m-4', vector.codec)]]);
    const { rows } = await processor.processMessages([upMessage(devEui, payload, vector.fPort, { time: '1971-01-01T00:00:00Z' }), upMessage(devEui, payload, vector.fPort, { time: '2099-01-01T00:00:00Z', deduplicationId: 'c0c7f5e2-0000-4000-8000-000000000000' })], 1);
    expect(rows.uplinks.map((u) => u.ts.getTime())).toEqual([RECEIVED, RECEIVED]);
    expect(flat(rows.readings).every((r) => r.ts.getTime() === RECEIVED || Math.abs(r.ts.getTime() - RECEIVED) < 5 * 366 * 86_400_000)).toBe(true);
  });

  it('reports command outcomes and battery levels from the other events of known devices', async () => {
    const devEui = (fixture('ack').deviceInfo.devEui as string).toLowerCase();
    const processor = processorWith([[{ devEui }, known('m-5', null)]]);
    const messages = ['ack', 'txack', 'status', 'log-expired'].map((name) => {
      const body = fixture(name);
      const event = name.startsWith('log') ? 'log' : name;
      return { topic: `application/${body.deviceInfo.applicationId as string}/device/${body.deviceInfo.devEui as string}/event/${event}`, payload: Buffer.from(JSON.stringify(body)), receivedAt: RECEIVED };
    });
    const { rows, outcomes } = await processor.processMessages(messages, 1);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(expect.arrayContaining(['acknowledged', 'sent']));
    expect(rows.uplinks.map((u) => u.event)).toEqual(expect.arrayContaining(['ack', 'txack', 'status']));
    const status = rows.device_status.find((s) => s.battery_percent !== null);
    expect(status?.device_id).toBe('m-5');
  });
});
