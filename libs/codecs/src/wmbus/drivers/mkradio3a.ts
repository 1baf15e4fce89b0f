import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { addDate, measure, mvt, u16le, u24le } from './util';
import { techemMedia } from './techem';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Techem MK Radio 3a (TCH 50/72), CI 0xA2: two bytes, the date (day bits 0-4, month 5-8, year
 * 9-15), the total (24 bit, 0.1 m3), then twelve byte+word history slots. Each word packs two
 * half-month consumptions (low and high byte, 0.1 m3); a month is the sum of its halves, shifted
 * by half a slot in the first half of a month. Slot 0 is the current month's start.
 * After the public wmbusmeters driver (drivers/src/mkradio3a.xmq).
 */
export const mkradio3a: WmbusDriver = {
  name: 'mkradio3a',
  meters: 'Techem MK Radio 3a water meter',
  sources: ['wmbusmeters drivers/src/mkradio3a.xmq'],
  detect: mvt(['TCH', 0x50, 0x72], ['TCH', 0x50, 0x62]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 43) throw new CodecError('TRUNCATED', `MK Radio 3a payload is ${p.length} bytes, needs 43`);
    const dateRaw = u16le(p, 2);
    const day = dateRaw & 0x1f;
    const month = (dateRaw >> 5) & 0x0f;
    const year = 2000 + (dateRaw >> 9);
    measure(ctx, 'volume', u24le(p, 4) / 10, 'm3');
    const lo: number[] = [];
    const hi: number[] = [];
    for (let k = 0; k < 12; k++) {
      const w = u16le(p, 8 + 3 * k);
      lo.push(w & 0xff);
      hi.push(w >> 8);
    }
    const early = day <= 15;
    for (let k = 0; k < 12; k++) {
      const v = early ? (k === 0 ? lo[0] : hi[k - 1] + lo[k]) : lo[k] + hi[k];
      const monthIndex = (((month - 1 - k) % 12) + 12) % 12;
      measure(ctx, 'monthly_consumption', v / 10, 'm3', { storage: k + 1, register: MONTHS[monthIndex] });
      if (k === 0) measure(ctx, 'volume_consumption_current_period', v / 10, 'm3', { storage: 1 });
    }
    addDate(ctx, 'target_date', year, month, day, undefined, undefined, 1);
    techemMedia(ctx);
  },
};
