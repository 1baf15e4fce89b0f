import { bytesToHex, hexToBytes } from '../../reader';
import { r718h2 } from './r718h2';

const decode = (hex: string, fPort: number) => r718h2.decode({ bytes: hexToBytes(hex), fPort });

describe('netvox/r718h2', () => {
  it('maps the version report vector', () => {
    const d = decode('013f006402202010090000', 6);
    expect(d.vendor).toEqual({ Device: 'R718H2', SWver: 10, HWver: 2, Datecode: '20201009' });
    expect(d.device).toEqual({ firmware: '10', hardware: '2' });
  });

  it('decodes both pulse counters of a status report (hand-built from the vendor decoder layout)', () => {
    const d = decode('013f0124000a0014000000', 6);
    expect(d.vendor).toEqual({ Device: 'R718H2', Volt: 3.6, PulseCount1: 10, PulseCount2: 20 });
    expect(d.measurements).toEqual([
      { quantity: 'pulse_count', value: 10, unit: 'count', register: 'counter1' },
      { quantity: 'pulse_count', value: 20, unit: 'count', register: 'counter2' },
    ]);
  });

  it('encodes the R718H2 manual example byte-exact: MinTime = MaxTime = 1 min, BatteryChange 0.1 V', () => {
    const e = r718h2.encode?.({ type: 'reporting_interval', seconds: 60 });
    expect(e?.fPort).toBe(7);
    expect(bytesToHex(e?.bytes ?? new Uint8Array())).toBe('013f003c003c0100000000');
  });

  it('encodes with the R718H2 device type 0x3F', () => {
    expect(bytesToHex(r718h2.encode?.({ type: 'read_config' }).bytes ?? new Uint8Array())).toBe('023f000000000000000000');
    expect(bytesToHex(r718h2.encode?.({ type: 'reporting_interval', seconds: 3600 }).bytes ?? new Uint8Array())).toBe(
      '013f0e100e100100000000',
    );
  });
});
