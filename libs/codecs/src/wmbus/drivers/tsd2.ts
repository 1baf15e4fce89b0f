import type { WmbusDriver } from './types';
import { addTechemDate, techemMedia, techemPrevDate } from './techem';
import { mvt, u16le } from './util';

/**
 * Techem TSD2 smoke detector (TCH 76/F0), CI 0xA0: a status byte (0 OK, 1 smoke, 0x80 defect) and
 * the previous billing date. After the public wmbusmeters driver (drivers/src/tsd2.xmq).
 * There is no canonical "smoke" alarm code: SMOKE stays in `vendor.driver.status`.
 */
export const tsd2: WmbusDriver = {
  name: 'tsd2',
  meters: 'Techem TSD2 smoke detector',
  sources: ['wmbusmeters drivers/src/tsd2.xmq'],
  detect: mvt(['TCH', 0x76, 0xf0]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    techemMedia(ctx);
    if (p.length < 3) {
      ctx.fields.status = 'DECODING_ERROR_payload';
      ctx.warnings.push(`TSD2 payload of ${p.length} bytes is too short for status and date`);
      return;
    }
    const s = p[0];
    ctx.fields.status = s === 0 ? 'OK' : s === 1 ? 'SMOKE' : s === 0x80 ? 'DEFECT' : `STATUS_${s.toString(16).toUpperCase().padStart(2, '0')}`;
    if (s === 0x80) ctx.alarms.add('hardware_error');
    addTechemDate(ctx, 'prev_date', techemPrevDate(u16le(p, 1)), 1);
  },
};
