import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { pulse } from './pulse';

const decode = (hex: string, fPort = 1) => pulse.decode({ bytes: hexToBytes(hex), fPort });
const TS_2024 = '14afd980'; // 2024-01-01T00:00:00Z in seconds since 2013-01-01

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('adeunis/pulse', () => {
  it('maps the 0x5A vector: counter history as storage slots, timestamp on the current value, low battery', () => {
    const d = decode('5a6700000127000100020003000414aba3e9');
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 295, unit: 'count', register: 'A', storage: 0, at: '2023-12-28T19:22:17.000Z' },
      { quantity: 'pulse_count', value: 294, unit: 'count', register: 'A', storage: 1 },
      { quantity: 'pulse_count', value: 292, unit: 'count', register: 'A', storage: 2 },
      { quantity: 'pulse_count', value: 289, unit: 'count', register: 'A', storage: 3 },
      { quantity: 'pulse_count', value: 285, unit: 'count', register: 'A', storage: 4 },
    ]);
    expect(d.alarms).toEqual(['low_battery']);
  });

  it('decodes 0x46 counters with a timestamp and 0x5B without (hand-built from the Adeunis frame layout)', () => {
    const d = decode('4644' + '0000012c' + '000001f4' + TS_2024);
    expect(d.vendor).toEqual({
      bytes: {
        type: '0x46 Pulse 4 data',
        status: { frameCounter: 2, hardwareError: false, lowBattery: false, configurationDone: false, timestamp: true },
        timestamp: '2024-01-01T00:00:00.000',
        decodingInfo: 'counterValues: [Channel A, Channel B]',
        counterValues: [300, 500],
      },
    });
    expect(d.measurements[1]).toEqual({ quantity: 'pulse_count', value: 500, unit: 'count', register: 'B', at: '2024-01-01T00:00:00.000Z' });
    expect(decode('5b00' + '00000064' + '0005').vendor.bytes).toMatchObject({ type: '0x5b Pulse 4 data - channel B', counterValues: [100, 95] });
  });

  it('decodes keep-alive alarms, network and Sigfox-length configuration, register answers', () => {
    const ka = decode('3020' + '15' + '000a' + '0014' + '0001' + '0002');
    expect(ka.alarms).toEqual(['high_flow', 'tamper', 'leak']);
    expect(ka.vendor.bytes).toMatchObject({ channels: [{ flow: { alarm: true, last24hMin: 1, last24hMax: 10 }, tamperAlarm: true, leakageAlarm: true }, { flow: { alarm: false, last24hMin: 2, last24hMax: 20 } }] });
    expect(decode('2000' + '25' + '01').vendor.bytes).toMatchObject({ loraAdr: true, loraProvisioningMode: 'OTAA', loraDutycyle: 'activated', loraClassMode: 'CLASS C' });
    expect(decode('1001' + '01' + '0002' + '11' + '0005' + '32' + '000f').vendor.bytes).toMatchObject({
      type: '0x10 Pulse 4 configuration',
      productMode: 'PRODUCTION',
      samplingPeriod: { unit: 's', value: 10 },
      calculatedSendingPeriod: { unit: 's', value: 20 },
      flowCalculationPeriod: { unit: 'm', value: 15 },
      channels: [
        { name: 'channel A', state: 'enabled', type: 'otherPullUpOff', debouncingPeriod: { unit: 'ms', value: 10 }, tamper: { activated: false } },
        { name: 'channel B', state: 'enabled', type: 'otherPullUpOff', debouncingPeriod: { unit: 'ms', value: 20 }, tamper: { activated: false } },
      ],
    });
    expect(decode('3300' + '01' + '0142').vendor.bytes).toMatchObject({ requestStatus: 'success', registerId: 322 });
  });

  it('throws on unknown frames, short frames and other ports', () => {
    expect(caught(() => decode('9900'))?.code).toBe('UNSUPPORTED_FRAME');
    expect(caught(() => decode('4600000001'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('4604' + '0000012c' + '000001f4'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('5a0400000127'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('10010100'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('4600', 2))?.code).toBe('UNSUPPORTED_PORT');
  });
});
