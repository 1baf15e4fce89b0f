import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { oy1320 } from './oy1320';

const decode = (hex: string, fPort = 2) => oy1320.decode({ bytes: hexToBytes(hex), fPort });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return undefined;
}

describe('talkpool/oy1320', () => {
  it('maps the vector (6-byte frame) to a meter reading', () => {
    const d = decode('012100001738');
    expect(d.vendor).toEqual({ MeterReading: 5944, Status: '0' });
    expect(d.measurements).toEqual([{ quantity: 'meter_reading', value: 5944, unit: '' }]);
    expect(d.alarms).toEqual([]);
  });

  it('reads the status nibble of a 9-byte frame (hand-built from the vendor decoder layout)', () => {
    const d = decode('0121000030ff000000');
    expect(d.vendor).toEqual({ MeterReading: 0x30ff, Status: '3' });
  });

  it('rejects short, odd-length and foreign-port payloads', () => {
    expect(codeOf(() => decode('01210000'))).toBe('TRUNCATED');
    expect(codeOf(() => decode('01210000173800'))).toBe('MALFORMED');
    expect(codeOf(() => decode('012100001738', 3))).toBe('UNSUPPORTED_PORT');
  });
});
