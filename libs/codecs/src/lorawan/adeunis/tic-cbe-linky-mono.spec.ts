import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { ticCbeLinkyMono } from './tic-cbe-linky-mono';

const decode = (hex: string, fPort = 1) => ticCbeLinkyMono.decode({ bytes: hexToBytes(hex), fPort });
const ascii = (s: string, n: number) => Buffer.from(s.padEnd(n, '\0'), 'latin1').toString('hex');

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('adeunis/tic-cbe-linky-mono', () => {
  it('maps the vector labels (BASE not found) to canonical units', () => {
    const d = decode('494030323137323830333138313948432e2e800000000000002d000000000000000000000000000000000000000048502e2e');
    expect(d.measurements).toEqual([
      { quantity: 'current_subscribed', value: 45, unit: 'A' },
      { quantity: 'current', value: 0, unit: 'A' },
      { quantity: 'current_max', value: 0, unit: 'A' },
      { quantity: 'apparent_power', value: 0, unit: 'VA' },
      { quantity: 'energy', value: 0, unit: 'kWh', register: 'HCHC', tariff: 1 },
      { quantity: 'energy', value: 0, unit: 'kWh', register: 'HCHP', tariff: 2 },
    ]);
  });

  it('converts BASE from Wh to kWh (hand-built)', () => {
    const hex = '4900' + ascii('021728031819', 12) + ascii('BASE', 4) + '0012d687' + '800000008000000080000000800000008000000080000000' + '00000000';
    const d = decode(hex);
    expect(d.measurements).toEqual([{ quantity: 'energy', value: 1234.567, unit: 'kWh', register: '1.8.0', tariff: 0 }]);
    expect(d.vendor.bytes).toMatchObject({ OPTARIF: 'BASE', BASE: { unit: 'Wh', value: 1234567 }, PTECstatus: 'notFound' });
  });

  it('decodes configuration, keep alive, read errors and TIC alarms (hand-built)', () => {
    expect(decode('1000' + '03' + '0001' + '01' + '000a').vendor.bytes).toMatchObject({
      type: '0x10 TIC configuration',
      transmissionPeriodKeepAlive: { unit: 'm', value: 30 },
      samplingPeriod: { unit: 'm', value: 10 },
      transmissionPeriodData: 1,
      productMode: 'PRODUCTION',
    });
    const ka = decode('3010');
    expect(ka.vendor.bytes).toMatchObject({ type: '0x30 Keep alive', status: { readError: true } });
    expect(ka.alarms).toEqual(['communication_error']);
    const al = decode('4a00' + ascii('PAPP', 10) + '03' + ascii('3000', 4));
    expect(al.vendor.bytes).toMatchObject({ type: '0x4a TIC alarm', label: 'PAPP', alarmType: 'highTreshold', value: '3000' });
    expect(al.alarms).toEqual(['threshold']);
  });

  it('throws on a cut 0x49 frame, unknown frames and ports', () => {
    expect(caught(() => decode('4940303231373238'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('5500'))?.code).toBe('UNSUPPORTED_FRAME');
    expect(caught(() => decode('3000', 3))?.code).toBe('UNSUPPORTED_PORT');
  });
});
