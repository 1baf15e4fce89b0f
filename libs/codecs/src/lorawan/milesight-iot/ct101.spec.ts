import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { ct101 } from './ct101';

const decode = (hex: string, fPort = 85) => ct101.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('milesight-iot/ct101', () => {
  it('maps the vector current alarm: currents in A, threshold + over-range alarms', () => {
    const d = decode('8498b80bd007c40905');
    expect(d.measurements).toEqual([
      { quantity: 'current', value: 25, unit: 'A' },
      { quantity: 'current', value: 30, unit: 'A', register: 'max' },
      { quantity: 'current', value: 20, unit: 'A', register: 'min' },
    ]);
    expect(d.alarms).toEqual(['threshold', 'over_range']);
  });

  it('decodes total current, current, temperature and sensor faults (hand-built, vendor decoder layout)', () => {
    const d = decode('0397e8030000' + '0498f401' + '0967fb00');
    expect(d.vendor).toEqual({ total_current: 10, current: 5, temperature: 25.1 });
    const faulty = decode('0498ffff0967fdff');
    expect(faulty.vendor).toEqual({ current_sensor_status: 'read failed', temperature_sensor_status: 'over range alarm' });
    expect(faulty.alarms).toEqual(['sensor_error', 'over_range']);
  });

  it('decodes a temperature alarm and downlink answers', () => {
    expect(decode('8967f6ff01').vendor).toEqual({ temperature: -1, temperature_alarm: 'temperature threshold alarm' });
    expect(decode('ff8e000a00ff020100fef20a00').vendor).toEqual({ report_interval: 10, alarm_report_interval: 1, alarm_report_counts: 10 });
    expect(decode('ff060a6400c8000a000500').vendor).toEqual({ current_alarm_config: { condition: 'above', threshold_min: 100, threshold_max: 200, alarm_interval: 10, alarm_counts: 5 } });
  });

  it('throws TRUNCATED on a cut alarm item and MALFORMED on an unknown downlink answer', () => {
    expect(caught(() => decode('8498b80bd007'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('fe99'))?.code).toBe('MALFORMED');
    expect(caught(() => decode('8498b80bd007c40905', 1))?.code).toBe('UNSUPPORTED_PORT');
  });

  it('encodes the report interval in minutes (FF 8E 00 uint16 LE) and clear cumulative (FF 27 01)', () => {
    const e = ct101.encode?.({ type: 'reporting_interval', seconds: 1200 });
    expect(e?.fPort).toBe(85);
    expect(bytesToHex(e?.bytes ?? new Uint8Array())).toBe('ff8e001400');
    expect(bytesToHex(ct101.encode?.({ type: 'reset_counter' }).bytes ?? new Uint8Array())).toBe('ff2701');
    expect(caught(() => ct101.encode?.({ type: 'reporting_interval', seconds: 90 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => ct101.encode?.({ type: 'reporting_interval', seconds: 1441 * 60 }))?.code).toBe('INVALID_COMMAND');
  });
});
