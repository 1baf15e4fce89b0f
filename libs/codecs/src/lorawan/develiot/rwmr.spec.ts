import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { rwmr } from './rwmr';

const decode = (hex: string, fPort = 12) => rwmr.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('develiot/rwmr', () => {
  it('maps the vector: counter 1 and temperature active, battery in volts', () => {
    const d = decode('152000000000000000d49a');
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 32, unit: 'count', register: 'counter1' },
      { quantity: 'temperature', value: 24.35, unit: 'degC' },
    ]);
    expect(d.device).toEqual({ batteryVoltage: 2.74, firmware: '1', hardware: '8' });
  });

  it('decodes both counters when both services are active (hand-built, vendor layout)', () => {
    const d = decode('2310270000ffffffff0000');
    expect(d.vendor).toMatchObject({
      firmwareVersion: 2,
      pulseCounter1: 10000,
      pulseCounter2: 4294967295,
      batteryLevel: 0,
      temperature: -30,
      activatedServices: ['LORASENSE_REPORT_SERVICE_PULSE_COUNTER1', 'LORASENSE_REPORT_SERVICE_PULSE_COUNTER2'],
    });
    expect(d.measurements.map((m) => m.register)).toEqual(['counter1', 'counter2']);
  });

  it('throws TRUNCATED on a short frame and the vendor error on another port', () => {
    expect(caught(() => decode('1520000000'))?.code).toBe('TRUNCATED');
    const e = caught(() => decode('152000000000000000d49a', 1));
    expect(e?.code).toBe('UNSUPPORTED_PORT');
    expect(e?.message).toContain('Unknown port');
  });
});
