import type { WmbusDriver } from './types';
import { measure, mvt } from './util';

/**
 * Ei Electronics Ei6500-OMS smoke alarms (EIE 0C/1A): standard records (alarm, removal and test
 * counters and dates in subunits/tariffs), plus a manufacturer record FF 2C (subunit 1) whose first
 * byte is the dust level of the smoke chamber. Source: Ei Electronics Ei6500-OMS data description
 * as summarised in wmbusmeters ei6500.xmq. The first byte of FF 2C: bits 0-5 the dust level
 * (the vectors show level 0x1C flagged "cleaning recommended", 0x1B not), bit 6 tampering while
 * the alarm was removed from its base.
 */
export const ei6500: WmbusDriver = {
  name: 'ei6500',
  meters: 'Ei Electronics Ei6500-OMS smoke alarm',
  sources: ['wmbusmeters drivers/src/ei6500.xmq'],
  detect: mvt(['EIE', 0x0c, 0x1a]),
  decode(ctx) {
    const r = ctx.records.find((x) => x.key === '8440FF2C');
    const status: string[] = [];
    if (r && r.data.length >= 1) {
      const dust = r.data[0] & 0x3f;
      measure(ctx, 'dust_level', dust, 'count');
      ctx.fields.dust_level = `DUST_${dust.toString(16).toUpperCase()}`;
      if (r.data[0] & 0x40) {
        status.push('TAMPER_WHILE_REMOVED');
        ctx.alarms.add('tamper');
        ctx.alarms.add('removal');
      }
      if (dust >= 0x1c) status.push('CLEANING_RECOMMENDED');
    }
    ctx.fields.status = status.length ? status.join(' ') : 'OK';
  },
};
