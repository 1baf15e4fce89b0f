import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { addDate, measure, mvt, u16le } from './util';

/**
 * Apator E-ITN 30/40 heat cost allocators (APA/APT 04/08). The payload (CI 0xA0, or CI 0xB6 with a
 * length-prefixed block and an 0xA0 marker first) is: season start date (low byte; the high byte is
 * 0xA0), 2 bytes, previous HCA, electronic-seal break date (0 = intact), current HCA, current date,
 * previous and current season average room temperature (8.8 fixed point, degC). Dates are packed
 * day bits 0-4, month 5-8, year (2000+) 9-13. After the public wmbusmeters driver (apatoreitn.xmq).
 */
function date(raw: number): [number, number, number] {
  return [2000 + ((raw >> 9) & 0x1f), (raw >> 5) & 0x0f, raw & 0x1f];
}

export const apatoreitn: WmbusDriver = {
  name: 'apatoreitn',
  meters: 'Apator E-ITN 30/40 heat cost allocator',
  sources: ['wmbusmeters drivers/src/apatoreitn.xmq'],
  detect: mvt(['APA', 0x04, 0x08], ['APT', 0x04, 0x08]),
  rawPayload: true,
  decode(ctx) {
    let p = ctx.t.apl;
    if (ctx.t.tpl.ci === 0xb6) {
      const skip = 1 + (p[0] ?? 0);
      if (p[skip] !== 0xa0) throw new CodecError('MALFORMED', 'E-ITN CI 0xB6 payload lacks the 0xA0 marker');
      p = p.subarray(skip + 1);
    } else if (p[0] === 0xa0 && p.length >= 16) {
      p = p.subarray(1);
    }
    if (p.length < 15) throw new CodecError('TRUNCATED', `E-ITN payload is ${p.length} bytes, needs 15`);
    const season = 0xa000 | p[0];
    measure(ctx, 'hca', u16le(p, 3), 'hca', { storage: 1 });
    const esb = u16le(p, 5);
    measure(ctx, 'hca', u16le(p, 7), 'hca');
    const current = u16le(p, 9);
    const prevAvg = u16le(p, 11);
    const avg = u16le(p, 13);
    measure(ctx, 'room_temperature_average', (avg >> 8) + (avg & 0xff) / 256, 'degC');
    measure(ctx, 'room_temperature_average', (prevAvg >> 8) + (prevAvg & 0xff) / 256, 'degC', { storage: 1 });
    addDate(ctx, 'current_date', ...date(current));
    addDate(ctx, 'season_start_date', ...date(season));
    if (esb !== 0) {
      addDate(ctx, 'electronic_seal_break_date', ...date(esb));
      ctx.fields.status = 'SEAL_BROKEN';
      ctx.alarms.add('tamper');
    } else {
      ctx.fields.status = 'OK';
    }
    ctx.device.deviceType = 'heat cost allocator';
  },
};
