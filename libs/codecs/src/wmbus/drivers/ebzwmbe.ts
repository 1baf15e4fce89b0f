import type { WmbusDriver } from './types';
import { measure, mvt } from './util';

/**
 * eBZ wMB-E01 electricity meter modules (EBZ, electricity): standard records; the three phase
 * powers carry manufacturer VIFEs 01-03 and the total power is their sum.
 * Source: eBZ wMB-E01 data sheet as summarised in wmbusmeters ebzwmbe.xmq.
 */
export const ebzwmbe: WmbusDriver = {
  name: 'ebzwmbe',
  meters: 'eBZ wMB-E01',
  sources: ['wmbusmeters drivers/src/ebzwmbe.xmq'],
  detect: mvt(['EBZ', '*', 0x02], ['EBZ', '*', 0x37]),
  decode(ctx) {
    let sum = 0;
    let n = 0;
    for (const m of ctx.measurements) {
      if (m.quantity === 'power' && (m.register === 'mfct_01' || m.register === 'mfct_02' || m.register === 'mfct_03')) {
        m.register = `L${m.register.slice(-1)}`;
        sum += m.value;
        n++;
      }
    }
    if (n === 3 && !ctx.measurements.some((m) => m.quantity === 'power' && !m.register)) measure(ctx, 'power', sum, 'W');
  },
};
