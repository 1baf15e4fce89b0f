import { hexToBytes } from '../../reader';
import { txPulseAtex600037 } from './tx-pulse-atex-600-037';

describe('enless-wireless/tx-pulse-atex-600-037', () => {
  it('maps the vector counters (18, 26, 24) and debounce states', () => {
    const d = txPulseAtex600037.decode({ bytes: hexToBytes('0000a0090d01000000120000001a0000001800000000'), fPort: 1 });
    expect(d.measurements.map((m) => [m.register, m.value, m.unit])).toEqual([
      ['ch1', 18, 'count'],
      ['ch2', 26, 'count'],
      ['oc', 24, 'count'],
    ]);
    expect(d.vendor.states).toMatchObject({ status: { debounce_ch1: 'disabled', msg_type: 'normal' } });
  });
});
