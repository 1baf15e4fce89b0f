import { CodecError } from '../../errors';
import { bytesToHex, hexToBytes } from '../../reader';
import { emuProfII } from './emu-prof-ii';

const decode = (hex: string, fPort = 1) => emuProfII.decode({ bytes: hexToBytes(hex), fPort });

function caught(fn: () => unknown): CodecError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  return undefined;
}

const AT = '2021-10-29T11:15:00.000Z';

describe('emu/emu-prof-ii', () => {
  it('maps the energy vector to kWh import T1 (1.8.1) at the logger time', () => {
    const d = decode('b4d77b6101b4d77b61031207000039');
    expect(d.measurements).toEqual([{ quantity: 'energy', value: 1.81, unit: 'kWh', tariff: 1, register: '1.8.1', at: AT }]);
    expect(d.warnings).toBeUndefined();
  });

  it('maps the identity vector (fPort 100) to the device serial', () => {
    const d = decode('30d10562f126010622f701f30500f40500f56400f66400f802000202c4', 100);
    expect(d.device).toEqual({ serial: '22060126' });
    expect(d.measurements).toEqual([]);
  });

  it('decodes power, voltage, power factor, frequency and current (hand-built from the register table)', () => {
    const d = decode('b4d77b610ce803000014fc080000175f1af401101027000043');
    expect(d.vendor).toMatchObject({
      'Active Power L1': { unit: 'W', cfgphase: 1, value: 1000 },
      'Voltage L1-N': { unit: 'V/10', unit_calculated: 'V', cfgphase: 1, value: 230, value_raw: 2300 },
      'Powerfactor L1': { unit: 'Cos', cfgphase: 1, value: 0.95, value_raw: 95 },
      Frequency: { unit: 'Hz', value: 50, value_raw: 500 },
      'Current L1': { unit: 'mA', cfgphase: 1, value: 10000 },
    });
    expect(d.measurements.map((m) => [m.quantity, m.value, m.unit, m.register])).toEqual([
      ['power', 1000, 'W', 'L1'],
      ['voltage', 230, 'V', 'L1'],
      ['power_factor', 0.95, '', 'L1'],
      ['frequency', 50, 'Hz', undefined],
      ['current', 10, 'A', 'L1'],
    ]);
  });

  it('keeps decoding on a CRC mismatch with the vendor warning', () => {
    const d = decode('b4d77b6101b4d77b61031207000000');
    expect(d.warnings).toEqual(['crc-8 wrong']);
    expect(d.measurements).toHaveLength(1);
  });

  it('decodes error flags (register 0xF0)', () => {
    const d = decode('b4d77b61f02100');
    expect(d.vendor.errorcode).toMatchObject({ value: 0x21, TimeChanged: true, PowerFail: true, LogbookFull: false });
  });

  it('returns no data for a 2-byte status update; throws on unknown registers and cut values', () => {
    expect(decode('0102').vendor).toEqual({});
    expect(caught(() => decode('b4d77b6160000000'))?.code).toBe('MALFORMED');
    expect(caught(() => decode('b4d77b6103120700'))?.code).toBe('TRUNCATED');
  });

  it('encodes the readout interval in minutes with the example register set and CRC-8', () => {
    const e = emuProfII.encode?.({ type: 'reporting_interval', seconds: 900 });
    expect(e?.fPort).toBe(1);
    expect(bytesToHex(e?.bytes ?? new Uint8Array())).toBe('0f000801030405060708090a7c');
    expect(caught(() => emuProfII.encode?.({ type: 'reporting_interval', seconds: 90 }))?.code).toBe('INVALID_COMMAND');
    expect(caught(() => emuProfII.encode?.({ type: 'relay', on: true }))?.code).toBe('UNSUPPORTED_COMMAND');
  });
});
