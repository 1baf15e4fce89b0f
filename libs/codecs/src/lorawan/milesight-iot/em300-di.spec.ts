import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { em300Di } from './em300-di';

const decode = (hex: string, fPort = 85) => em300Di.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('milesight-iot/em300-di', () => {
  it('maps the vector: battery percent and pulse count', () => {
    const d = decode('01755c05c800010000');
    expect(d.device).toEqual({ batteryPercent: 92 });
    expect(d.measurements).toEqual([{ quantity: 'pulse_count', value: 256, unit: 'count' }]);
  });

  it('decodes temperature, humidity, GPIO and device information (hand-built, Milesight README)', () => {
    const d = decode('0367f4ff04687f050001ff0a0110ff16' + '6136d19219320003');
    expect(d.vendor).toEqual({ temperature: -1.2, humidity: 63.5, gpio: 1, firmware_version: 'v1.10', sn: '6136d19219320003' });
    expect(d.device).toEqual({ firmware: 'v1.10', serial: '6136d19219320003' });
    expect(d.measurements.map((m) => [m.quantity, m.value, m.unit])).toEqual([
      ['temperature', -1.2, 'degC'],
      ['humidity', 63.5, '%'],
      ['gpio_state', 1, ''],
    ]);
  });

  it('decodes a pulse-mode history record with its time (hand-built, vendor decoder layout)', () => {
    const d = decode('20ce' + '80009265' + 'fa00' + '64' + '02' + '00' + 'e8030000');
    expect(d.vendor.history).toEqual([{ timestamp: 1704067200, temperature: 25, humidity: 50, pulse: 1000 }]);
    expect(d.measurements).toContainEqual({ quantity: 'pulse_count', value: 1000, unit: 'count', at: '2024-01-01T00:00:00.000Z', storage: 1 });
  });

  it('stops at an unknown channel with a warning, throws TRUNCATED on a cut value', () => {
    const d = decode('01755c0999aa');
    expect(d.warnings).toEqual(['unknown channel 0x9 type 0x99: rest of the frame ignored']);
    expect(caught(() => decode('05c80001'))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('01755c', 2))?.code).toBe('UNSUPPORTED_PORT');
  });

  it('encodes report interval (FF 03 uint16 LE s) and counter clearing (FF 4E 01 00) on fPort 85', () => {
    const e = em300Di.encode?.({ type: 'reporting_interval', seconds: 1200 });
    expect(e?.fPort).toBe(85);
    expect(bytesToHex(e?.bytes ?? new Uint8Array())).toBe('ff03b004');
    expect(bytesToHex(em300Di.encode?.({ type: 'reset_counter' }).bytes ?? new Uint8Array())).toBe('ff4e0100');
    expect(caught(() => em300Di.encode?.({ type: 'reporting_interval', seconds: 59 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => em300Di.encode?.({ type: 'reporting_interval', seconds: 64801 }))?.code).toBe('INVALID_COMMAND');
  });
});
