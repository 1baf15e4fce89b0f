import { hexToBytes } from '../../reader';
import { ticCbeLinkyTri } from './tic-cbe-linky-tri';

describe('adeunis/tic-cbe-linky-tri', () => {
  it('maps the vector to energy, per-phase currents and powers', () => {
    const hex = '4940303231373238303331383139000012340000002b0000002c0000002d0000001100000012000000130000002000000010';
    const d = ticCbeLinkyTri.decode({ bytes: hexToBytes(hex), fPort: 1 });
    expect(d.measurements).toEqual([
      { quantity: 'energy', value: 4.66, unit: 'kWh', register: '1.8.0', tariff: 0 },
      { quantity: 'current', value: 43, unit: 'A', register: 'L1' },
      { quantity: 'current', value: 44, unit: 'A', register: 'L2' },
      { quantity: 'current', value: 45, unit: 'A', register: 'L3' },
      { quantity: 'current_max', value: 17, unit: 'A', register: 'L1' },
      { quantity: 'current_max', value: 18, unit: 'A', register: 'L2' },
      { quantity: 'current_max', value: 19, unit: 'A', register: 'L3' },
      { quantity: 'power_max', value: 32, unit: 'W' },
      { quantity: 'apparent_power', value: 16, unit: 'VA' },
    ]);
  });
});
