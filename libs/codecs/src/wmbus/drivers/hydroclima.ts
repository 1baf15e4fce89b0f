import type { WmbusDriver } from './types';
import { measure, mvt, u16le } from './util';

/**
 * BMeters Hydroclima RFM heat cost allocators (BMP, type 0x08). After the standard HCA records a
 * manufacturer block (DIF 0F) starts with a version byte:
 *  0x10: status, time, date, average ambient temperature, maximum ambient temperature and its
 *        date, number of measurements, previous-period average ambient and heater temperatures,
 *        consumption (16 bit) and total consumption (24 bit);
 *  0x11: status, time, date, housing-open date, average heater and ambient temperatures, maximum
 *        ambient temperature (previous period) and its date, previous-period average heater and
 *        ambient temperatures, 4 consumption history values, 3 ambient history temperatures,
 *        3 temperature bin counters (24 bit), total consumption.
 * Temperatures are 16-bit, 0.01 degC. Source: BMeters Hydroclima RFM protocol notes as transcribed
 * in wmbusmeters (src/driver_hydroclima.cc, drivers/src/hydroclimav2.xmq).
 */
export const hydroclima: WmbusDriver = {
  name: 'hydroclima',
  meters: 'BMeters Hydroclima RFM heat cost allocator',
  sources: ['wmbusmeters src/driver_hydroclima.cc and drivers/src/hydroclimav2.xmq'],
  detect: mvt(['BMP', '*', 0x08]),
  decode(ctx) {
    const block = ctx.records.find((r) => r.manufacturerData && r.dif === 0x0f);
    if (!block) return;
    const d = block.data;
    const t = (o: number) => u16le(d, o) / 100;
    if (d[0] === 0x10 && d.length >= 24) {
      ctx.fields.status_word = u16le(d, 1);
      measure(ctx, 'room_temperature_average', t(7), 'degC');
      measure(ctx, 'room_temperature_max', t(9), 'degC');
      measure(ctx, 'measurement_count', u16le(d, 13), 'count');
      measure(ctx, 'room_temperature_average', t(15), 'degC', { storage: 1 });
      measure(ctx, 'heater_temperature_average', t(17), 'degC', { storage: 1 });
      measure(ctx, 'hca', u16le(d, 19), 'hca', { register: 'period' });
      measure(ctx, 'hca', d[21] | (d[22] << 8) | (d[23] << 16), 'hca', { register: 'total' });
    } else if (d[0] === 0x11 && d.length >= 46) {
      ctx.fields.status_word = u16le(d, 1);
      measure(ctx, 'heater_temperature_average', t(9), 'degC');
      measure(ctx, 'room_temperature_average', t(11), 'degC');
      measure(ctx, 'room_temperature_max', t(13), 'degC', { storage: 1 });
      measure(ctx, 'heater_temperature_average', t(17), 'degC', { storage: 1 });
      measure(ctx, 'room_temperature_average', t(19), 'degC', { storage: 1 });
      for (let k = 0; k < 4; k++) measure(ctx, 'hca', u16le(d, 21 + 2 * k), 'hca', { storage: k + 1, register: 'history' });
      for (let k = 0; k < 3; k++) measure(ctx, 'room_temperature_average', t(29 + 2 * k), 'degC', { storage: k + 1, register: 'history' });
      for (let k = 0; k < 3; k++) measure(ctx, 'temperature_bin_count', d[35 + 3 * k] | (d[36 + 3 * k] << 8) | (d[37 + 3 * k] << 16), 'count', { register: `bin_${k + 1}` });
      measure(ctx, 'hca', u16le(d, 44), 'hca', { register: 'total' });
    }
    ctx.fields.status = ctx.t.tpl.status ? `STATUS_${ctx.t.tpl.status.toString(16)}` : 'OK';
  },
};
