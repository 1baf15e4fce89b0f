import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { txPulse600 } from './tx-pulse-600';

const decode = (hex: string, fPort = 1) => txPulse600.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('enless-wireless/tx-pulse-600', () => {
  it('maps the vector to three pulse counters, battery 100 %', () => {
    const d = decode('00009508311100000001000000010000000000000700');
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 1, unit: 'count', register: 'ch1' },
      { quantity: 'pulse_count', value: 1, unit: 'count', register: 'ch2' },
      { quantity: 'pulse_count', value: 0, unit: 'count', register: 'oc' },
    ]);
    expect(d.device).toEqual({ batteryPercent: 100, firmware: '17', serial: '149' });
    expect(d.alarms).toEqual([]);
  });

  it('maps alarm bits to high/low flow and leak, battery code to percent (hand-built, decoder bit layout)', () => {
    // alarm word 0x0121: ch1 high (bit 0), ch2 low (bit 5), ch1 leak (bit 8); state 0x000d: alarm msg, battery 25 %
    const d = decode('000095083111' + '00000001' + '00000001' + '00000000' + '0121' + '000d');
    expect(d.vendor.alarm_status).toEqual({
      pulse_ch1_flow: { high: true, low: false },
      pulse_ch1_leak: true,
      pulse_ch2_flow: { high: false, low: true },
      pulse_ch2_leak: false,
      pulse_oc_flow: { high: false, low: false },
      pulse_oc_leak: false,
    });
    expect(d.alarms).toEqual(['high_flow', 'leak', 'low_flow']);
    expect(d.device?.batteryPercent).toBe(25);
  });

  it('throws TRUNCATED, UNSUPPORTED_FRAME (non-pulse type) and UNSUPPORTED_PORT', () => {
    expect(caught(() => decode('0000950831110000000100'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('00009504311100000001000000010000000000000700'))?.message).toContain('Invalid Type1-');
    expect(caught(() => decode('00009508311100000001000000010000000000000700', 2))?.code).toBe('UNSUPPORTED_PORT');
  });
});
