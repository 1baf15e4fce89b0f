import { CodecError } from '../../errors';
import { hexToBytes } from '../../reader';
import { ticPmePmi } from './tic-pme-pmi';

const VECTOR =
  '49601504140d2b05000002c30000009800000002000002eb485045000692cc00025caa0000053700068db800025b8200000528';

describe('adeunis/tic-pme-pmi', () => {
  it('maps the vector: index energies in kWh/kvarh/kVAh, previous period as storage 1', () => {
    const d = ticPmePmi.decode({ bytes: hexToBytes(VECTOR), fPort: 1 });
    expect(d.measurements).toEqual([
      { quantity: 'energy', value: 0.707, unit: 'kWh', register: 'EA' },
      { quantity: 'reactive_energy', value: 0.152, unit: 'kvarh', register: 'ER+' },
      { quantity: 'reactive_energy', value: 0.002, unit: 'kvarh', register: 'ER-' },
      { quantity: 'apparent_energy', value: 0.747, unit: 'kVAh', register: 'EAPP' },
      { quantity: 'energy', value: 430796, unit: 'kWh', register: 'EAP', storage: 0 },
      { quantity: 'reactive_energy', value: 154794, unit: 'kvarh', register: 'ER+P', storage: 0 },
      { quantity: 'reactive_energy', value: 1335, unit: 'kvarh', register: 'ER-P', storage: 0 },
      { quantity: 'energy', value: 429496, unit: 'kWh', register: 'EAP', storage: 1 },
      { quantity: 'reactive_energy', value: 154498, unit: 'kvarh', register: 'ER+P', storage: 1 },
      { quantity: 'reactive_energy', value: 1320, unit: 'kvarh', register: 'ER-P', storage: 1 },
    ]);
    expect(d.vendor.bytes).toMatchObject({ DATE: '2020-04-21T13:43:05', PTCOUR1: 'HPE' });
  });

  it('reports an all-zero date as not found and throws TRUNCATED on a cut frame', () => {
    const zeroDate = '4960' + '010100000000' + VECTOR.slice(16);
    expect(ticPmePmi.decode({ bytes: hexToBytes(zeroDate), fPort: 1 }).vendor.bytes).toMatchObject({ DATEstatus: 'notFound' });
    expect(() => ticPmePmi.decode({ bytes: hexToBytes(VECTOR.slice(0, 60)), fPort: 1 })).toThrow(CodecError);
  });
});
