import { hexToBytes } from '../../reader';
import { txPulseLed600038 } from './tx-pulse-led-600-038';

describe('enless-wireless/tx-pulse-led-600-038', () => {
  it('maps the vector: alarm message, closed inputs, battery 75 %', () => {
    const d = txPulseLed600038.decode({ bytes: hexToBytes('0000aa0a0d0100000000000000000000000a00000563'), fPort: 1 });
    expect(d.measurements[2]).toEqual({ quantity: 'pulse_count', value: 10, unit: 'count', register: 'oc' });
    expect(d.vendor.states).toEqual({
      status: {
        debounce_ch1: 'enabled',
        debounce_ch2: 'disabled',
        debounce_ch3: 'enabled',
        msg_type: 'alarm',
        pulse_ch1: 'open',
        pulse_ch2: 'closed',
        pulse_oc: 'closed',
      },
    });
    expect(d.device).toEqual({ batteryPercent: 100, firmware: '1', serial: '170' });
  });
});
