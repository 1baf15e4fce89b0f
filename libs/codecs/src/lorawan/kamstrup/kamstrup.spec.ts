import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { decodeUplink, encodeDownlink } from '../../registry';
import type { DecodedPayload } from '../../types';

const ID = 'kamstrup/mbusparser';
const decode = (hex: string, fPort = 1): DecodedPayload => decodeUplink(ID, fPort, hexToBytes(hex));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return 'no error';
};

// Vectors (lorawan.json) and the fifth example of vendor/kamstrup/mbusparser.yaml ("Example from Integration Guide").
const PROFILE = '78446d003318374413030000004d93132261010000000300000000000000000000000000000000000000000000000000000000';
const MIDNIGHT = '78446d0020f32a4413ec00000052ff25100042ff1c0500623b0000523b0000615b80515b80';
const INSTALL = '7258578853372c3c16d610080004ff16bf587000';
const GUIDE = '7a08000000446d002cfd284413c1aa77004d9313186201270122012201260122012201210127012201220127012f';

describe('kamstrup/mbusparser: canonical part', () => {
  it('expands the hourly compact profile into volumes with their times', () => {
    const m = decode(PROFILE).measurements;
    expect(m).toHaveLength(33);
    expect(m[0]).toEqual({ quantity: 'volume', value: 0.003, unit: 'm3', storage: 1, tariff: 0, at: '2024-07-24T19:00:00.000Z' });
    expect(m[1]).toEqual({ quantity: 'volume', value: 0.003, unit: 'm3', storage: 1, at: '2024-07-24T18:00:00.000Z' });
    expect(m[4]).toEqual({ quantity: 'volume', value: 0, unit: 'm3', storage: 1, at: '2024-07-24T15:00:00.000Z' });
    expect(m[32].at).toBe('2024-07-23T11:00:00.000Z');
  });

  it('midnight log: invalid (0x80) temperatures are left out, info codes become alarms', () => {
    const d = decode(MIDNIGHT);
    expect(d.alarms).toEqual(['tamper']);
    expect(d.measurements.map((m) => m.quantity)).toEqual(['volume', 'volume_flow_min', 'volume_flow_max', 'acoustic_leak_level_last_day']);
    expect(d.measurements[1]).toEqual({ quantity: 'volume_flow_min', value: 0, unit: 'm3/h', storage: 1, tariff: 0, at: '2023-10-19T00:00:00.000Z' });
    expect(d.warnings).toEqual(['Invalid value among data', 'Invalid value among data']);
  });

  it('installation frame: long header identity and module config number', () => {
    expect(decode(INSTALL).device).toEqual({
      serial: '53885758',
      manufacturer: 'KAW',
      version: 0x3c,
      deviceType: 'cold water',
      accessNumber: 0xd6,
      statusByte: 0x10,
      configNumber: 7362751,
    });
  });

  it('integration-guide frame: short header, 2-byte increments, the vendor output of its example', () => {
    const d = decode(GUIDE);
    const values = d.vendor.values as Array<{ Value: number; Timestamp: string }>;
    expect(values.map((v) => v.Value)).toEqual([
      7842.497, 7842.202, 7841.912, 7841.622, 7841.328, 7841.038, 7840.748, 7840.459, 7840.164, 7839.874, 7839.584, 7839.289,
    ]);
    expect(values[11].Timestamp).toBe('2023-08-29T01:00:00.000');
    expect(d.vendor.latestVolume).toBe(7842.497);
    expect(d.device).toEqual({ accessNumber: 8, statusByte: 0 });
    expect(d.measurements).toHaveLength(12);
  });
});

// Hand-built frames (layout: EN 13757-3 and the vendor script).
describe('kamstrup/mbusparser: quirks and errors', () => {
  it('a 4-byte negative volume: the vendor is off by one in its unsigned arithmetic, the canonical value is signed', () => {
    const d = decode('780413feffffff');
    // Math.round(4294967293 * 1e-3 * 1e10) / 1e10, the script's own arithmetic.
    expect(d.vendor).toEqual({ values: [{ Type: 'Volume', Value: 4294967.2930000005, Unit: 'm3', Timestamp: null }], latestVolume: 4294967.2930000005 });
    expect(d.measurements).toEqual([{ quantity: 'volume', value: -0.002, unit: 'm3', storage: 0, tariff: 0 }]);
  });

  it('monthly profile: vendor months overflow (31 March - 1 month = 2 March), canonical times are calendar months', () => {
    const d = decode('78446d00201f334413e80300004d931306' + '72fe6400c800');
    const values = d.vendor.values as Array<{ Value: number; Timestamp: string }>;
    expect(values.map((v) => [v.Value, v.Timestamp])).toEqual([
      [1, '2024-03-31T00:00:00.000'],
      [0.9, '2024-03-02T00:00:00.000'],
      [0.7, '2024-02-02T00:00:00.000'],
    ]);
    expect(d.measurements.slice(1).map((m) => [m.value, m.at])).toEqual([
      [0.9, '2024-02-29T00:00:00.000Z'],
      [0.7, '2024-01-31T00:00:00.000Z'],
    ]);
  });

  it('reverse volume and info codes on the current values', () => {
    const d = decode('7804933c0a00000002ff252c00');
    expect(d.vendor.values).toContainEqual({ Type: 'Reverse Volume', Value: 0.01, Unit: 'm3', Timestamp: null });
    expect(d.measurements).toContainEqual({ quantity: 'volume', value: 0.01, unit: 'm3', storage: 0, tariff: 0, register: 'reverse' });
    expect(d.alarms).toEqual(['leak', 'burst', 'low_battery']);
  });

  it.each([
    ['78446d003318374d9313226101' + '00'.repeat(32), 'MALFORMED', 'Could not find base value for profile data'],
    ['78441303000000', 'no error', ''],
    ['7a0800000f', 'KEY_NEEDED', 'MBus TPL encryption is not supported'],
    ['7c0413', 'UNSUPPORTED_FRAME', 'Invalid CI in TPL layer'],
    ['780f0102', 'UNSUPPORTED_FRAME', 'Unsupported special DIF function'],
    ['78047f00000000', 'MALFORMED', 'Unsupported VIB'],
    ['78071300000000000000000', 'UNSUPPORTED_FRAME', 'larger than 6 bytes'],
    ['780d1303010203', 'UNSUPPORTED_FRAME', 'LVAR that is not Inverse Compact Profile'],
  ])('%s -> %s', (hex, code, message) => {
    const bytes = hexToBytes(hex.length % 2 ? hex + '0' : hex);
    let caught: unknown;
    try {
      decodeUplink(ID, 1, bytes);
    } catch (error) {
      caught = error;
    }
    if (code === 'no error') return expect(caught).toBeUndefined();
    expect(caught).toBeInstanceOf(CodecError);
    expect((caught as CodecError).code).toBe(code);
    expect((caught as CodecError).message).toContain(message);
  });

  it.each([[PROFILE], [MIDNIGHT], [INSTALL], [GUIDE]])('every cut of %s is a CodecError, mostly TRUNCATED', (hex) => {
    const bytes = hexToBytes(hex);
    const codes = new Set<string>();
    for (let n = 0; n < bytes.length; n++) {
      try {
        decodeUplink(ID, 1, bytes.subarray(0, n));
      } catch (error) {
        expect(error).toBeInstanceOf(CodecError);
        codes.add((error as CodecError).code);
      }
    }
    expect(codes.has('TRUNCATED')).toBe(true);
    expect(codeOf(() => decodeUplink(ID, 1, new Uint8Array(0)))).toBe('TRUNCATED');
  });

  it('accepts the application ports, refuses the reserved ones, encodes no downlink', () => {
    expect(decode(INSTALL, 100).vendor.values).toHaveLength(1);
    expect(codeOf(() => decode(INSTALL, 224))).toBe('UNSUPPORTED_PORT');
    expect(codeOf(() => encodeDownlink(ID, { type: 'reporting_interval', seconds: 3600 }))).toBe('UNSUPPORTED_COMMAND');
  });
});
