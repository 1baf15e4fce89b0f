import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { edcCommunicationModule } from './edc-communication-module';

const decode = (hex: string, fPort = 1) => edcCommunicationModule.decode({ bytes: hexToBytes(hex), fPort });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return undefined;
}

describe('minol-zenner/edc-communication-module', () => {
  it('maps the vector status bits to canonical alarms and the values to counts', () => {
    const d = decode('270000000c0000000d0000000f');
    expect(d.alarms).toEqual(['removal', 'low_battery', 'battery_end_of_life', 'tamper']);
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 12, unit: 'count', storage: 0 },
      { quantity: 'pulse_count', value: 13, unit: 'count', storage: 1 },
      { quantity: 'pulse_count', value: 15, unit: 'count', storage: 2 },
    ]);
  });

  it('decodes a hardware-error frame with one value (hand-built from the codec layout)', () => {
    const d = decode('0800012345');
    expect(d.vendor).toEqual({
      removal_detection: 0,
      battery_low: 0,
      battery_end_of_life: 0,
      hw_error: 1,
      coil_manipulation: 0,
      meter_values: [0x12345],
    });
    expect(d.alarms).toEqual(['hardware_error']);
  });

  it('rejects an empty payload, a partial value and another fPort', () => {
    expect(codeOf(() => decode(''))).toBe('TRUNCATED');
    expect(codeOf(() => decode('00000001'))).toBe('MALFORMED');
    expect(codeOf(() => decode('0000000001', 2))).toBe('UNSUPPORTED_PORT');
  });
});
