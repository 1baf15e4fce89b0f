import type { WmbusDriver } from './types';
import { measure, mvt } from './util';

/**
 * IME Nemo D4 (IME 1D/02): standard records for powers, voltages and currents qualified by IME
 * phase VIFEs; the frequency is a manufacturer VIF (FF 5A, 32-bit real, 0.1 Hz).
 * Source: wmbusmeters drivers/src/nemo.xmq.
 */
/**
 * IME Nemo D4 (IME 1D/02): standard records for powers, voltages and currents qualified by IME
 * phase VIFEs; the frequency is a manufacturer VIF (FF 5A, 32-bit real, 0.1 Hz).
 * Source: wmbusmeters drivers/src/nemo.xmq.
 */
export const nemo: WmbusDriver = {
  name: 'nemo',
  meters: 'IME Nemo D4 (M-Bus)',
  sources: ['wmbusmeters drivers/src/nemo.xmq'],
  detect: mvt(['IME', 0x1d, 0x02]),
  decode(ctx) {
    for (const r of ctx.records) {
      if (r.key === '05FF5A' && typeof r.rawValue === 'number') measure(ctx, 'frequency', r.rawValue * 0.1, 'Hz');
    }
  },
};
