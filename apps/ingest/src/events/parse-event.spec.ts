import { chirpstackFixtures, eventTopic, fixture } from '../../test/chirpstack-fixtures';
import type { ChirpStackEvent } from './event-types';
import { parseEvent } from './parse-event';

const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const DEV = '70b3d5e75e001234';

function parsed(name: string): ChirpStackEvent {
  const f = fixture(name);
  const result = parseEvent(f.topic, f.payload);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.reason)}`);
  return result.event;
}

function as<E extends ChirpStackEvent['event']>(event: ChirpStackEvent, name: E): Extract<ChirpStackEvent, { event: E }> {
  expect(event.event).toBe(name);
  return event as Extract<ChirpStackEvent, { event: E }>;
}

const deviceInfo = {
  tenantId: '52f14cd4-c6f1-4fbd-8f87-4025e1d49242',
  tenantName: 'ChirpStack',
  applicationId: APP,
  applicationName: 'water-meters',
  deviceProfileId: 'd1d2d3d4-0000-4000-8000-000000000002',
  deviceProfileName: 'WM-EU868-OTAA',
  deviceName: 'meter-000123',
  devEui: DEV,
  deviceClassEnabled: 'CLASS_A',
  tags: { site: 'plant-7', utility: 'water' },
};

describe('parseEvent: every fixture', () => {
  it.each(chirpstackFixtures().map((f) => [f.name, f] as const))('%s parses as its topic event', (_name, f) => {
    const result = parseEvent(f.topic, f.payload);
    expect(result).toMatchObject({ ok: true, event: { event: f.event, applicationId: APP, devEui: DEV } });
  });
});

describe('parseEvent: up', () => {
  it('reads every field of a full uplink', () => {
    const up = as(parsed('up'), 'up');
    expect(up).toMatchObject({
      deduplicationId: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11',
      time: { text: '2026-03-02T10:15:30.123456789+00:00', epochMs: Date.parse('2026-03-02T10:15:30.123Z') },
      deviceInfo,
      devAddr: '01ab23cd',
      adr: true,
      dr: 5,
      fCnt: 412,
      fPort: 2,
      confirmed: false,
      regionConfigId: 'eu868',
      relayed: false,
      dataEncrypted: false,
      txInfo: { frequency: 868500000, modulation: { type: 'lora', bandwidth: 125000, spreadingFactor: 7, codeRate: 'CR_4_5' } },
      object: { volumeM3: 1234.567, alarm: false, meterIndex: '18446744073709', battery: 3, flags: [1, 0] },
    });
    expect(Buffer.from(up.data).toString('hex')).toBe('0102030405060708');
    expect(up.rxInfo).toEqual([
      {
        gatewayId: '0016c001f153a14c',
        uplinkId: 48211,
        rssi: -97,
        snr: 7.25,
        channel: 2,
        rfChain: 1,
        board: 0,
        antenna: 0,
        crcStatus: 'CRC_OK',
        gwTime: { text: '2026-03-02T10:15:30.123456+00:00', epochMs: Date.parse('2026-03-02T10:15:30.123Z') },
        nsTime: { text: '2026-03-02T10:15:30.151201934+00:00', epochMs: Date.parse('2026-03-02T10:15:30.151Z') },
        location: { latitude: 0, longitude: 0, altitude: 0, source: 'UNKNOWN', accuracy: 0 },
        metadata: { region_config_id: 'eu868', region_common_name: 'EU868' },
      },
      {
        gatewayId: '0016c001f1539b2e',
        uplinkId: 2207,
        rssi: -118,
        snr: -11.5,
        channel: 0,
        rfChain: 0,
        board: 0,
        antenna: 0,
        crcStatus: 'CRC_OK',
        nsTime: { text: '2026-03-02T10:15:30.152003+00:00', epochMs: Date.parse('2026-03-02T10:15:30.152Z') },
        location: { latitude: 52.3731, longitude: 4.8922, altitude: 12.5, source: 'GPS', accuracy: 5 },
        metadata: { region_config_id: 'eu868', region_common_name: 'EU868' },
      },
    ]);
  });

  it('leaves time and object unset when ChirpStack omits them; snr of an rxInfo without one is 0; fCnt 0 stays 0', () => {
    const up = as(parsed('up-no-time-no-object'), 'up');
    expect(up.time).toBeUndefined();
    expect('object' in up).toBe(false);
    expect(up).toMatchObject({ fCnt: 0, dr: 0, confirmed: true });
    expect(up.rxInfo[0]).toMatchObject({ snr: 0, rssi: -120, channel: 0 });
    expect('gwTime' in up.rxInfo[0]).toBe(false);
    expect(Buffer.from(up.data).toString('hex')).toBe('ff');
  });

  it('reads a pre-4.1 uplink without fCnt, dr, adr, confirmed, tags, regionConfigId and deviceClassEnabled', () => {
    const up = as(parsed('up-pre-4.1'), 'up');
    expect(up).toMatchObject({ fCnt: 0, dr: 0, adr: false, confirmed: false, fPort: 1, regionConfigId: '', devAddr: '0042beef' });
    expect(up.deviceInfo.tags).toEqual({});
    expect('deviceClassEnabled' in up.deviceInfo).toBe(false);
    expect(up.rxInfo[0]).toMatchObject({ crcStatus: 'NO_CRC', metadata: {}, snr: 10, channel: 5 });
    expect(up.time?.epochMs).toBe(Date.parse('2026-03-02T12:00:00.000Z'));
  });

  it('reads a MAC-only frame with no gateways and FSK modulation', () => {
    const up = as(parsed('up-mac-only-fsk'), 'up');
    expect(up).toMatchObject({
      fPort: 0,
      fCnt: 4294967295,
      rxInfo: [],
      txInfo: { frequency: 868800000, modulation: { type: 'fsk', frequencyDeviation: 25000, datarate: 50000 } },
    });
    expect(up.data).toHaveLength(0);
  });

  it('flags relayed frames and data still encrypted for an external Join Server', () => {
    const f = fixture('up');
    const json = { ...f.json, relayRxInfo: { devEui: '0102030405060708', frequency: 868100000 }, joinServerContext: { sessionKeyId: 'AQID' } };
    const result = parseEvent(f.topic, Buffer.from(JSON.stringify(json)));
    expect(result).toMatchObject({ ok: true, event: { relayed: true, dataEncrypted: true } });
  });

  it('reads LR-FHSS modulation', () => {
    const f = fixture('up');
    const json = { ...f.json, txInfo: { frequency: 868100000, modulation: { lrFhss: { operatingChannelWidth: 137000, codeRate: 'CR_2_6', gridSteps: 52 } } } };
    const result = parseEvent(f.topic, Buffer.from(JSON.stringify(json)));
    expect(result).toMatchObject({ ok: true, event: { txInfo: { modulation: { type: 'lrFhss', operatingChannelWidth: 137000, codeRate: 'CR_2_6', gridSteps: 52 } } } });
  });

  it('accepts an uppercase DevEUI in deviceInfo and treats JSON null as absent (proto3 JSON mapping)', () => {
    const f = fixture('up');
    const json = { ...f.json, deviceInfo: { ...(f.json.deviceInfo as object), devEui: DEV.toUpperCase() }, object: null, time: null, fCnt: null };
    const result = parseEvent(f.topic, Buffer.from(JSON.stringify(json)));
    expect(result).toMatchObject({ ok: true, event: { fCnt: 0, deviceInfo: { devEui: DEV } } });
    if (result.ok) expect(result.event.time).toBeUndefined();
  });
});

describe('parseEvent: join, status, ack, txack, log, location', () => {
  it('join', () => {
    expect(parsed('join')).toEqual({
      event: 'join',
      applicationId: APP,
      devEui: DEV,
      deviceInfo,
      time: { text: '2026-03-02T09:00:01.5+00:00', epochMs: Date.parse('2026-03-02T09:00:01.500Z') },
      deduplicationId: 'c9dbe358-2578-4fb7-b295-66b44edc45a6',
      devAddr: '01ab23cd',
      regionConfigId: 'eu868',
      relayed: false,
    });
  });

  it('status', () => {
    expect(parsed('status')).toMatchObject({
      event: 'status',
      deduplicationId: 'bf2a9746-1c8b-49be-a92e-f0b89c8534e4',
      margin: 7,
      externalPowerSource: false,
      batteryLevelUnavailable: false,
      batteryLevel: 85.83,
    });
    expect(parsed('status-external-power')).toMatchObject({
      margin: -3,
      externalPowerSource: true,
      batteryLevelUnavailable: true,
      batteryLevel: 0,
      time: { epochMs: Date.parse('2026-03-02T10:20:00.000Z'), text: '2026-03-02T10:20:00.000000001+00:00' },
    });
  });

  it('ack and an ack timeout', () => {
    expect(parsed('ack')).toMatchObject({
      event: 'ack',
      deduplicationId: '856a03e7-80f6-4c26-b971-9dcb34a59c2e',
      queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77',
      acknowledged: true,
      fCntDown: 17,
    });
    expect(parsed('ack-timeout')).toMatchObject({ event: 'ack', deduplicationId: '', acknowledged: false, fCntDown: 0 });
  });

  it('txack', () => {
    expect(parsed('txack')).toMatchObject({
      event: 'txack',
      downlinkId: 3461958127,
      queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77',
      fCntDown: 17,
      gatewayId: '0016c001f153a14c',
      txInfo: { frequency: 868500000, power: 14, modulation: { type: 'lora', bandwidth: 125000, spreadingFactor: 7, codeRate: 'CR_4_5' } },
    });
  });

  it('log: levels, codes, context with deduplication_id and queue_item_id lifted out', () => {
    expect(parsed('log-retransmission')).toMatchObject({
      event: 'log',
      level: 'WARNING',
      code: 'UPLINK_F_CNT_RETRANSMISSION',
      deduplicationId: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11',
      context: { deduplication_id: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11', f_cnt_up: '412' },
    });
    expect(parsed('log-uplink-codec')).toMatchObject({ level: 'ERROR', code: 'UPLINK_CODEC' });
    const size = parsed('log-downlink-payload-size');
    expect(size).toMatchObject({
      level: 'ERROR',
      code: 'DOWNLINK_PAYLOAD_SIZE',
      queueItemId: '7b2e9f40-5c1d-4a8e-b3f6-0d9c8e7a6b51',
      context: { max_payload_size: '51', item_size: '64', queue_item_id: '7b2e9f40-5c1d-4a8e-b3f6-0d9c8e7a6b51' },
    });
    expect('deduplicationId' in size).toBe(false);
    expect(parsed('log-expired')).toMatchObject({ level: 'WARNING', code: 'EXPIRED', queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77' });
  });

  it('log: a code added by a later ChirpStack passes through', () => {
    const f = fixture('log-expired');
    const result = parseEvent(f.topic, Buffer.from(JSON.stringify({ ...f.json, code: 'SOMETHING_NEW' })));
    expect(result).toMatchObject({ ok: true, event: { code: 'SOMETHING_NEW' } });
  });

  it('location, and location: {} as every field at its default', () => {
    expect(parsed('location')).toMatchObject({
      event: 'location',
      deduplicationId: 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8',
      location: { latitude: 52.37312, longitude: 4.89201, altitude: 3.5, source: 'GEO_RESOLVER_TDOA', accuracy: 120 },
    });
    expect(parsed('location-empty')).toMatchObject({ location: { latitude: 0, longitude: 0, altitude: 0, source: 'UNKNOWN', accuracy: 0 } });
  });

  it('reads the same payload under another device topic only if deviceInfo names that device', () => {
    const f = fixture('join');
    const other = eventTopic(APP, '70b3d5e75e009999', 'join');
    expect(parseEvent(other, f.payload)).toMatchObject({ ok: false, reason: { code: 'TOPIC_MISMATCH' } });
  });
});
