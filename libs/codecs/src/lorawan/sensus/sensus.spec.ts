import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { decodeUplink, encodeDownlink } from '../../registry';
import type { DecodedPayload } from '../../types';

const ID = 'sensus/iperl';
const decode = (hex: string, fPort = 20): DecodedPayload => decodeUplink(ID, fPort, hexToBytes(hex));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return 'no error';
};
type Rec = Record<string, unknown>;
const records = (d: DecodedPayload): Rec[] => d.vendor.records as Rec[];

// The vector (SND-ALARM: short header, status 0x04, volume, date/time, 11 hourly signed deltas).
const VECTOR = '7a060400008404133a1c7e0184046d2a2d13368d04931318d23c34002e0034002e0039002e0034002e00340033003400';

describe('sensus/iperl: canonical part of the vector', () => {
  it('current volume at the meter time, then the hourly profile going back', () => {
    const m = decode(VECTOR).measurements;
    expect(m).toHaveLength(12);
    expect(m[0]).toEqual({ quantity: 'volume', value: 25041.978, unit: 'm3', storage: 8, tariff: 0, at: '2024-06-19T13:42:00.000Z' });
    expect(m[1]).toEqual({ quantity: 'volume', value: 25041.926, unit: 'm3', storage: 9, at: '2024-06-19T12:42:00.000Z' });
    expect(m[11]).toEqual({ quantity: 'volume', value: 25041.426, unit: 'm3', storage: 19, at: '2024-06-19T02:42:00.000Z' });
  });

  it('status 0x04 is a low battery; short header gives access number and status', () => {
    const d = decode(VECTOR);
    expect(d.alarms).toEqual(['low_battery']);
    expect(d.device).toEqual({ accessNumber: 6, statusByte: 4 });
  });
});

// Hand-built frames, laid out per EN 13757-3 / OMS and read as the vendor decoder reads them.
describe('sensus/iperl: layouts the vector does not cover', () => {
  it('long header: BCD identification, manufacturer code, version, medium', () => {
    const d = decode('72' + '78563412' + 'ae4c' + '68' + '07' + '10' + '00' + '0000' + '0413' + '10270000');
    expect(d.vendor).toMatchObject({
      identificationNo: 12345678, manufacturer: 0x4cae, manufacturerCode: 'SEN', version: 0x68, device: 7,
      accessNo: 16, status: 0, config: 0, alarms: [],
    });
    expect(d.device).toEqual({ serial: '12345678', manufacturer: 'SEN', version: 0x68, deviceType: 'water', accessNumber: 16, statusByte: 0 });
    expect(d.measurements).toEqual([{ quantity: 'volume', value: 10, unit: 'm3', storage: 0, tariff: 0 }]);
  });

  it('error flags take precedence over the status byte', () => {
    expect(decode('7a0100040002fd178404').vendor.alarms).toEqual(['LEAKAGE']);
    const d = decode('7a0100040002fd174402');
    expect(d.vendor.alarms).toEqual(['MAGNETIC_TAMPERING', 'EF2_MAN_SPEC_BIT1']);
    expect(d.alarms).toEqual(['magnetic_tamper']);
  });

  it('a negative int8 is negated over 16 bits by the decoder (-1 -> -65281); canonical reads -1', () => {
    const d = decode('78015bff');
    expect(records(d)[0]).toMatchObject({ vifType: 'FLOW_TEMPERATURE', value: -65281, scaledValue: -65281, unit: 'CELSIUS', symbol: '°C', exponent: 0 });
    expect(d.measurements).toEqual([{ quantity: 'flow_temperature', value: -1, unit: 'degC', storage: 0, tariff: 0 }]);
  });

  it('manufacturer data (DIF 0x0F) keeps the rest as hex', () => {
    expect(records(decode('78' + '0f0102ab'))[0]).toMatchObject({ dif: 15, vif: 0, vifType: 'NO_TYPE', value: 0, strValue: '0x0102ab', unit: 'NO_UNIT', symbol: null });
  });

  it('monthly inverse profile: the decoder steps months forward (clamped), canonical times go back', () => {
    const d = decode('78' + '046d00001f31' + '0413e8030000' + '0d931304' + '71fe0a14');
    const profile = records(d)[2].values as Array<{ timestamp: number; scaledValue: number; storage: number }>;
    expect(profile.map((p) => [new Date(p.timestamp * 1000).toISOString(), p.scaledValue, p.storage])).toEqual([
      ['2024-01-31T00:00:00.000Z', 1, 0],
      ['2024-02-29T00:00:00.000Z', 0.99, 1],
      ['2024-03-31T00:00:00.000Z', 0.97, 2],
    ]);
    expect(d.measurements.slice(1).map((m) => [m.at, m.value])).toEqual([
      ['2023-12-31T00:00:00.000Z', 0.99],
      ['2023-11-30T00:00:00.000Z', 0.97],
    ]);
  });

  it('refuses other ports, unknown CIs, impossible dates, endless profiles; a cut inside a record is TRUNCATED', () => {
    expect(codeOf(() => decode(VECTOR, 1))).toBe('UNSUPPORTED_PORT');
    expect(() => decode('7b0102')).toThrow('Unsupported CI value: 123');
    expect(codeOf(() => decode('78046d0000ff3f'))).toBe('MALFORMED');
    expect(codeOf(() => decode('780d93130470fe0a14'))).toBe('MALFORMED');
    const bytes = hexToBytes(VECTOR);
    // Cuts after the header (5), after the volume (12) and after the date (19) are whole shorter frames.
    for (let n = 0; n < bytes.length; n++) {
      expect(codeOf(() => decodeUplink(ID, 20, bytes.subarray(0, n)))).toBe([5, 12, 19].includes(n) ? 'no error' : 'TRUNCATED');
    }
  });

  it('accepts fPorts 21 and 22 and encodes no downlink', () => {
    expect(decode(VECTOR, 22).vendor.accessNo).toBe(6);
    expect(codeOf(() => encodeDownlink(ID, { type: 'read_config' }))).toBe('UNSUPPORTED_COMMAND');
  });
});
