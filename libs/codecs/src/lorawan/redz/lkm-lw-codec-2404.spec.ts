import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { lkmLwCodec2404 } from './lkm-lw-codec-2404';

const decode = (hex: string, fPort: number) => lkmLwCodec2404.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

describe('redz/lkm-lw-codec-2404', () => {
  it('maps the status vector to device serial and firmware', () => {
    const d = decode('00036fb80001180363cf46240203014c4b4d5f4c575f534552564552', 1);
    expect(d.device).toEqual({ serial: '225208', firmware: '2.3.1' });
    expect(d.vendor).toMatchObject({ deviceTime: '2024-4-30 15:24:36', deviceName: 'LKM_LW_SERVER' });
  });

  it('maps meter response values by OBIS index (vector: start 1, 24 values)', () => {
    const hex =
      '00036fb802010160000000000001e01f0003aac200162cda00162cda000000000000000000008996000089960000000000000000000000000000000000000000000000000000000000000000000009470000000000000000000000000000000000000000040ce165';
    const d = decode(hex, 3);
    expect(d.measurements).toHaveLength(24);
    expect(d.measurements[3]).toEqual({ quantity: 'obis_value', value: 1453274, unit: '', register: 'meter1/obis#4' });
    expect(d.measurements[23]).toEqual({ quantity: 'obis_value', value: 67952997, unit: '', register: 'meter1/obis#24' });
  });

  it('parses a short OBIS list and warns on an unterminated entry (hand-built, vendor layout)', () => {
    const d = decode('00000001' + '11' + '011f312e382e301f' + '021f322e38', 2);
    expect(d.vendor).toEqual({ deviceID: 1, frameType: 'Status Message - OBIS', frameCounter: 1, obisList: [[1, '1.8.0']] });
    expect(d.warnings).toEqual(['incomplete OBIS entry at byte 13 ignored']);
  });

  it('throws TRUNCATED on short frames and the vendor error on unknown ports', () => {
    expect(caught(() => decode('00036fb8', 1))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('00036fb80001180363cf', 1))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('00036fb80201', 3))?.code).toBe('TRUNCATED');
    expect(caught(() => decode('00036fb800', 4))?.message).toContain('unknown FPort');
  });
});
