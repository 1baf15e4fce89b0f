import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { decodeUplink, encodeDownlink } from '../../registry';
import type { DecodedPayload } from '../../types';
import { lorawanVectors } from '../../../test/vectors';

const GATEWAY = 'iot-factory/m-bus-gateway';
const GENERIC = 'iot-factory/generic';
const decode = (codec: string, hex: string, fPort = 10): DecodedPayload => decodeUplink(codec, fPort, hexToBytes(hex));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return 'no error';
};
const frames = (d: DecodedPayload) => d.vendor.frames as Array<Record<string, unknown>>;
const vectorHex = (id: string): string => lorawanVectors().find((v) => v.id === id)?.hex ?? '';

// Frames built after vendor/iot-factory/*-decoder.js: header byte (0xC9 = external power, 100 %),
// protocol byte 0x02 (no serial, version 1), then [type|reason << 12 uint16 LE][Unix time LE]...
const HEAD = 'c902';
const TIME = '00ec7165'; // 2023-12-07T16:00:00Z
const AT = '2023-12-07T16:00:00.000Z';
const mbus = (record: string) => '1600' + TIME + '00' + '78563412' + '07' + '00' + record;

describe('iot-factory/m-bus-gateway', () => {
  it('vector: energy per meter register, the failed read as a hardware error', () => {
    const d = decode(GATEWAY, vectorHex('lw-iot-factory-m-bus-gateway-01'));
    expect(d.measurements).toEqual([
      { quantity: 'energy', value: 0, unit: 'kWh', storage: 0, tariff: 0, at: '2023-12-12T10:50:03.000Z', register: '21211208' },
      { quantity: 'energy', value: 0.54, unit: 'kWh', storage: 0, tariff: 0, at: '2023-12-12T10:50:03.000Z', register: '21211208' },
    ]);
    expect(d.alarms).toEqual(['hardware_error']);
    expect(d.device).toEqual({ powerSource: 'battery', batteryPercent: 80, serial: '84000005', meterId: '21211208' });
  });

  it('device info frame: model and firmware', () => {
    const d = decode(GATEWAY, HEAD + '0010' + TIME + '4600' + '21');
    expect(frames(d)[0]).toEqual({
      type: 'device_info', reason: 'result_request', frame_unixtime: 1701964800, frame_isotime: AT,
      model_id: 70, model_name: 'TaigaPulseCounterLW', version: '1.2',
    });
    expect(d.device).toEqual({ powerSource: 'external', batteryPercent: 100, firmware: '1.2', model: 'TaigaPulseCounterLW' });
  });

  it('a combinable VIFE is taken for the unit by the decoder (reverse volume read as flow); canonical reads a reverse volume', () => {
    const d = decode(GATEWAY, HEAD + mbus('04933ce8030000'));
    const f = frames(d)[0];
    expect(f.units).toEqual([0x3c, 0.01, 'm^3/h', 'volume_flow']);
    expect(f.measurement).toEqual({ raw: [0xe8, 3, 0, 0], value_raw: 1000, value: 10, desc: 'volume_flow', unit: 'm^3/h', dataType: 'instantaneous_value' });
    expect(d.measurements).toEqual([{ quantity: 'volume', value: 1, unit: 'm3', storage: 0, tariff: 0, at: AT, register: '12345678.reverse' }]);
  });

  it('FD VIF: looked up with its VIFE; error flags', () => {
    const f = frames(decode(GATEWAY, HEAD + mbus('02fd170400')))[0];
    expect(f.vif).toEqual({ raw: 0xfd, extension_bit: 1, value: 0x7d, data: [0x7d, 1, '', 'unknown'] });
    expect(f.vife_list).toEqual([{ raw: 0x17, value: 0x17, extension_bit: 0, data: [0x117, 1, '', 'error_flags'] }]);
    expect(f.countByteVife).toBe(1);
    expect(f.measurement).toMatchObject({ value_raw: 4, value: 4, desc: 'error_flags' });
  });

  it('real32 is read big-endian by the decoder; canonical reads it as EN 13757-3 (little-endian)', () => {
    const d = decode(GATEWAY, HEAD + mbus('052b0000c03f'));
    expect((frames(d)[0].measurement as { value: number }).value).toBeLessThan(1e-30);
    expect(d.measurements).toEqual([{ quantity: 'power', value: 1.5, unit: 'W', storage: 0, tariff: 0, at: AT, register: '12345678' }]);
  });

  it('an LVAR record is marked unsupported in its frame; the uplink still decodes', () => {
    const f = frames(decode(GATEWAY, HEAD + mbus('0d')))[0];
    expect(f).toMatchObject({ error: 'unsupported_dif_in_frame_mbus', error_debug_info: 'type=MBUS|offset=15|dif_type=veriable_length' });
    expect(f.measurement).toBeUndefined();
  });

  it('unknown frame types, other ports and cut frames are CodecErrors', () => {
    expect(() => decode(GATEWAY, HEAD + '0c00' + TIME)).toThrow('unknown_frame (type=12|offset=2)');
    expect(codeOf(() => decode(GATEWAY, HEAD + mbus('0c04'), 1))).toBe('UNSUPPORTED_PORT');
    const bytes = hexToBytes(vectorHex('lw-iot-factory-m-bus-gateway-01'));
    // Cuts right after the header or a frame (19, 19 and 15 bytes), or leaving one lone byte, are whole shorter uplinks.
    const whole = new Set([6, 7, 25, 26, 44, 45, 59]);
    for (let n = 0; n < bytes.length; n++) {
      expect(codeOf(() => decodeUplink(GATEWAY, 10, bytes.subarray(0, n)))).toBe(whole.has(n) ? 'no error' : 'TRUNCATED');
    }
    expect(codeOf(() => encodeDownlink(GATEWAY, { type: 'read_config' }))).toBe('UNSUPPORTED_COMMAND');
  });
});

describe('iot-factory/generic', () => {
  it('vector: pulse counters, digital input, broken analog inputs as sensor errors', () => {
    const d = decode(GENERIC, vectorHex('lw-iot-factory-metering-node-01'));
    expect(d.measurements.filter((m) => m.register === 'pin_1').map((m) => [m.at, m.value])).toEqual([
      ['2023-12-07T16:00:00.000Z', 14396],
      ['2023-12-07T16:10:00.000Z', 14396],
      ['2023-12-07T16:20:00.000Z', 14396],
    ]);
    expect(d.measurements).toContainEqual({ quantity: 'input_state', value: 1, unit: '', at: '2023-12-07T16:10:01.000Z', register: 'pin_3' });
    expect(d.alarms).toEqual(['sensor_error']);
  });

  it('temperature, analog input in volts, 4-20 mA in amperes, humidity', () => {
    const d = decode(GENERIC, HEAD + '0f00' + TIME + '02' + 'e7ff' + '0c00' + TIME + '01' + 'c4090000' + '00' + '0a00' + '03' + TIME + '10270000' + '1800' + TIME + 'd501');
    expect(frames(d)[0]).toEqual({ type: 'temperature', reason: 'regular', frame_unixtime: 1701964800, frame_isotime: AT, number_sensor: 2, temperature_cel: -2.5 });
    expect(frames(d)[2]).toEqual({ type: '4_20mA', reason: 'regular', number_sensor: 3, frame_unixtime: 1701964800, frame_isotime: AT, mA: 10000 });
    expect(d.measurements).toEqual([
      { quantity: 'temperature', value: -2.5, unit: 'degC', at: AT, register: 'sensor_2' },
      { quantity: 'voltage', value: 2.5, unit: 'V', at: AT, register: 'pin_1' },
      { quantity: 'current', value: 10, unit: 'A', at: AT, register: 'sensor_3' },
      { quantity: 'humidity', value: 46.9, unit: '%', at: AT },
    ]);
  });

  it('leak cable wet and broken, analog overvoltage, guard alarm', () => {
    const odk = '1510' + TIME + '01' + '07' + '01000000'.repeat(5);
    const d = decode(GENERIC, HEAD + odk + '0c00' + TIME + '02' + '00000000' + '01' + '2110' + TIME + '0401');
    expect(frames(d)[0]).toMatchObject({ type: 'ODK', reason: 'alarm', channel_number: 1, state: 'WET_BREAK', current_resistance: 1 });
    expect(frames(d)[2]).toMatchObject({ type: 'guard', reason: 'alarm', pin_number: 4, pin_status: 'open' });
    expect(d.alarms).toEqual(['leak', 'sensor_error', 'over_voltage', 'tamper']);
  });

  it('GNSS and Wi-Fi frames (vendor output only)', () => {
    const gnss = '0300' + TIME + 'a0a64f00' + '90512d00' + '6400' + '0500' + '0c' + 'a7';
    const wifi = '0400' + TIME + 'aabbccddeeff' + 'c4' + '000000000000' + '00' + 'ffffffffffff' + '00' + '30';
    const d = decode(GENERIC, HEAD + gnss + wifi);
    expect(frames(d)[0]).toMatchObject({ lat: 52.2, lon: 29.7, alt: 100, speed_kmh: 5, hdop: 1.2, used_sat: 7, geofence1: 'inside', geofence2: 'outside', in_movement: true });
    expect(frames(d)[1]).toMatchObject({ wifi_ap_list: [{ mac: 'aa:bb:cc:dd:ee:ff', rssi: -60, is_home_network: true }], in_movement: true });
    expect(d.measurements).toEqual([]);
  });

  it('LBS frames (the vendor decoder fails on them), unknown types, the M-Bus type it does not know', () => {
    expect(() => decode(GENERIC, HEAD + '0e00' + TIME)).toThrow('lbs_geolocation');
    expect(() => decode(GENERIC, HEAD + '1600' + TIME)).toThrow('unknown_frame (type=22|offset=2)');
    expect(codeOf(() => decode(GENERIC, HEAD, 11))).toBe('UNSUPPORTED_PORT');
    expect(codeOf(() => decode(GENERIC, ''))).toBe('TRUNCATED');
    expect(decode(GENERIC, HEAD).vendor).toEqual({ status_decode: true, type_power: 'external', battery_pct: 100, version_protocol: 1 });
  });
});
