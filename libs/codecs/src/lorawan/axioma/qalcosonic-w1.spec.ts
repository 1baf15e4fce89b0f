import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { qalcosonicW1 } from './qalcosonic-w1';

const VECTOR =
  '01aeac986a003217000000000000000000008003800054000e4005100048000240020000200000000000000000000000000000';
const decode = (hex: string, fPort = 100) => qalcosonicW1.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

/** A 51-byte frame with the given status byte and a 6-bit history multiplier of `mult`. */
function frame(status: number, mult = 0): string {
  const bytes = hexToBytes(VECTOR);
  bytes[5] = status;
  // multiplier bits 322..327 of the packed area start at byte 10 + 40, bit 2
  bytes[50] = (bytes[50] & 0x03) | ((mult & 0x3f) << 2);
  return Buffer.from(bytes).toString('hex');
}

describe('axioma/qalcosonic-w1', () => {
  it('maps the vector to current volume, log volume and 23 hourly interval volumes', () => {
    const d = decode(VECTOR);
    expect(d.measurements[0]).toEqual({ quantity: 'volume', value: 6.054, unit: 'm3' });
    expect(d.measurements[1]).toEqual({
      quantity: 'volume',
      value: 5.938,
      unit: 'm3',
      at: '2026-09-02T23:09:34.000Z',
      storage: 1,
      register: 'log',
    });
    const deltas = d.measurements.filter((m) => m.quantity === 'interval_volume');
    expect(deltas).toHaveLength(23);
    expect(deltas[5]).toEqual({ quantity: 'interval_volume', value: 0.014, unit: 'm3', at: '2026-09-03T05:09:34.000Z', storage: 6 });
    expect(deltas.reduce((s, m) => s + m.value * 1000, 0)).toBe(116);
    expect(d.alarms).toEqual([]);
  });

  it('maps status codes to canonical alarms as the vendor decoder reads them (hand-built)', () => {
    expect(decode(frame(0x10)).alarms).toEqual(['temporary_error', 'dry']);
    expect(decode(frame(0x60)).alarms).toEqual(['backflow']);
    expect(decode(frame(0xa0)).alarms).toEqual(['burst']);
    expect(decode(frame(0x24)).alarms).toEqual(['low_battery', 'leak']);
    expect(decode(frame(0x88)).alarms).toEqual(['permanent_error', 'low_temperature']);
  });

  it('warns, as the vendor does, when the history multiplier is not zero', () => {
    const d = decode(frame(0, 3));
    expect(d.vendor.history_multiplier).toBe(3);
    expect(d.warnings).toEqual(['Non-zero history multiplier detected. Additional scaling may be required.']);
  });

  it('rejects short, long, other-version and other-port payloads', () => {
    expect(caught(() => decode(VECTOR.slice(0, 40)))?.code).toBe('TRUNCATED');
    expect(caught(() => decode(VECTOR + '00'))?.message).toContain('Unsupported payload length: 52');
    expect(caught(() => decode('02' + VECTOR.slice(2)))?.code).toBe('UNSUPPORTED_FRAME');
    const e = caught(() => decode(VECTOR, 1));
    expect(e?.code).toBe('UNSUPPORTED_PORT');
    expect(e?.message).toContain('Unsupported FPort: 1');
  });
});
