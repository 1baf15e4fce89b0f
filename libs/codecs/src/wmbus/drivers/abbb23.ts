import type { WmbusDriver } from './types';
import { mapKeys, mvt } from './util';

/**
 * ABB B21/B23/B24 electricity meters (ABB 20/02). Energy is standard; manufacturer VIFs carry the
 * CT/VT ratios (FF A0-A3 15), flag words (FF A6-A9) and the product number (FF AA, text).
 * Sources: ABB B23/B24 user manual (M-Bus/wM-Bus data), wmbusmeters abbb23.xmq.
 */
export const abbb23: WmbusDriver = {
  name: 'abbb23',
  meters: 'ABB B21/B23/B24',
  sources: ['ABB B23/B24 user manual (wireless M-Bus data)', 'wmbusmeters drivers/src/abbb23.xmq'],
  detect: mvt(['ABB', 0x20, 0x02]),
  decode(ctx) {
    mapKeys(ctx, {
      '04FFA015': ['ct_numerator', 'count', 1],
      '04FFA115': ['vt_numerator', 'count', 1],
      '04FFA215': ['ct_denominator', 'count', 1],
      '04FFA315': ['vt_denominator', 'count', 1],
    });
    for (const r of ctx.records) {
      if (r.key === '0DFFAA00' && r.text !== undefined) ctx.fields.product_no = r.text;
      if (r.key === '07FFA600' && r.rawValue !== null) ctx.fields.error_flags = r.rawValue === 0 ? 'OK' : String(r.rawValue);
      if (r.key === '07FFA700' && r.rawValue !== null) ctx.fields.warning_flags = r.rawValue === 0 ? 'OK' : String(r.rawValue);
      if (r.key === '07FFA900' && r.rawValue !== null) ctx.fields.alarm_flags = r.rawValue === 0 ? 'OK' : String(r.rawValue);
    }
  },
};
