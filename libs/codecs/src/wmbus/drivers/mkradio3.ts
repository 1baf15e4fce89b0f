import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { addTechemDate, techemCurrentDate, techemMedia, techemPrevDate } from './techem';
import { measure, mvt, u16le } from './util';

/**
 * Techem MK Radio 3 (TCH 74, types 0x62 warm / 0x72 cold water), CI 0xA2:
 * a byte, the previous billing date and its volume (0.1 m3), the current date and the volume used
 * since (0.1 m3); the meter total is their sum. After the public wmbusmeters drivers
 * (drivers/src/mkradio3.xmq).
 */
export function decodeMkRadio(withDates: boolean): WmbusDriver['decode'] {
  return (ctx) => {
    const p = ctx.t.apl;
    if (p.length < 9) throw new CodecError('TRUNCATED', `MK Radio payload is ${p.length} bytes, needs 9`);
    const prevRaw = u16le(p, 1);
    const target = u16le(p, 3) / 10;
    const currRaw = u16le(p, 5);
    const current = u16le(p, 7) / 10;
    measure(ctx, 'volume', Math.round((target + current) * 10) / 10, 'm3');
    measure(ctx, 'volume', target, 'm3', { storage: 1 });
    measure(ctx, 'volume_since_billing_date', current, 'm3');
    if (withDates) {
      const prev = techemPrevDate(prevRaw);
      addTechemDate(ctx, 'prev_date', prev, 1);
      addTechemDate(ctx, 'current_date', techemCurrentDate(currRaw, prev), 0);
    }
    techemMedia(ctx);
  };
}

export const mkradio3: WmbusDriver = {
  name: 'mkradio3',
  meters: 'Techem MK Radio 3 water meter',
  sources: ['wmbusmeters drivers/src/mkradio3.xmq'],
  detect: mvt(['TCH', 0x74, 0x62], ['TCH', 0x74, 0x72]),
  rawPayload: true,
  decode: decodeMkRadio(true),
};
