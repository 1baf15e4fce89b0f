import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { addDate, bcdByte, measure, mvt } from './util';

/**
 * BFW 240 Radio heat cost allocator (BFW, version 0x02, type 0x08). A fixed 40-byte payload after
 * the short header: 4 bytes (2F2F + 2), the previous-period and current values (16-bit big-endian),
 * 2 bytes, 9 triplets packing two 12-bit monthly values each (oldest first), and the date as BCD
 * day, month, year. Layout after the public wmbusmeters grammar (drivers/src/bfw240radio.xmq).
 */
export const bfw240radio: WmbusDriver = {
  name: 'bfw240radio',
  meters: 'BFW 240 Radio heat cost allocator',
  sources: ['wmbusmeters drivers/src/bfw240radio.xmq'],
  detect: mvt(['BFW', 0x02, 0x08]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 40) throw new CodecError('TRUNCATED', `bfw240radio payload is ${p.length} bytes, expected 40`);
    measure(ctx, 'hca', (p[4] << 8) | p[5], 'hca', { storage: 1 });
    measure(ctx, 'hca', (p[6] << 8) | p[7], 'hca');
    // Triplets from offset 10: months 18/17, 16/15, ..., 2/1.
    for (let k = 0; k < 9; k++) {
      const o = 10 + 3 * k;
      const odd = 17 - 2 * k; // the older month of the pair is even: 18, 16, ...
      const monthOdd = odd;
      const monthEven = odd + 1;
      measure(ctx, 'hca', ((p[o + 1] & 0x0f) << 8) | p[o + 2], 'hca', { storage: 1 + monthOdd, register: `month_${monthOdd}` });
      measure(ctx, 'hca', ((p[o + 1] >> 4) << 8) | p[o], 'hca', { storage: 1 + monthEven, register: `month_${monthEven}` });
    }
    addDate(ctx, 'device_date', 2000 + bcdByte(p[39]), bcdByte(p[38]), bcdByte(p[37]));
    ctx.device.deviceType = 'heat cost allocator';
  },
};
