import { isoFromParts } from '../../mbus';
import type { AlarmCode } from '../../types';
import type { WmbusDriver } from './types';
import { addMonths, mvt, statusFromKeys } from './util';

/**
 * Deltamess / Engelmann WaterStar M (DWZ 00/02, EFE 70; water and warm water): standard records,
 * 15 monthly history values at storage 2-16 that are not dated in the telegram: storage 1 + k is
 * the reading k months before the meter date (same day of month). Error flags FD17 as documented
 * for the WaterStar M. Source: wmbusmeters drivers/src/waterstarm.xmq.
 */
const BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x01, 'SW_ERROR', 'hardware_error'],
  [0x02, 'CRC_ERROR', 'hardware_error'],
  [0x04, 'SENSOR_ERROR', 'sensor_error'],
  [0x08, 'MEASUREMENT_ERROR', 'sensor_error'],
  [0x10, 'BATTERY_VOLTAGE_ERROR', 'low_battery'],
  [0x20, 'MANIPULATION', 'tamper'],
  [0x40, 'LEAKAGE_OR_NO_USAGE', 'leak'],
  [0x80, 'REVERSE_FLOW', 'backflow'],
  [0x100, 'OVERLOAD', 'overflow'],
];

export const waterstarm: WmbusDriver = {
  name: 'waterstarm',
  meters: 'Deltamess / Engelmann WaterStar M',
  sources: ['wmbusmeters drivers/src/waterstarm.xmq'],
  detect: mvt(['DWZ', 0x00, 0x06], ['DWZ', 0x00, 0x07], ['DWZ', 0x02, 0x06], ['DWZ', 0x02, 0x07], ['EFE', 0x70, 0x07]),
  decode(ctx) {
    // The meter time, even when flagged invalid (IV bit): it is the only reference for the history.
    const rec = ctx.records.find((r) => r.quantity === 'datetime' && r.storage === 0 && r.text);
    const now = rec?.at ?? (rec?.text && /^\d{4}-\d{2}-\d{2}/.test(rec.text) ? rec.text : undefined);
    if (rec?.invalid) ctx.warnings.push('meter time is flagged invalid; history dates are derived from it anyway');
    if (now) {
      const y = +now.slice(0, 4);
      const m = +now.slice(5, 7);
      const d = +now.slice(8, 10);
      for (const meas of ctx.measurements) {
        const s = meas.storage ?? 0;
        if (s >= 2 && s <= 16 && !meas.at) {
          const [yy, mm, dd] = addMonths(y, m, d, -(s - 1));
          meas.at = isoFromParts(yy, mm, dd, 0, 0, 0);
        }
      }
    }
    if (statusFromKeys(ctx, ['02FD17', '01FD17'], BITS) === undefined) ctx.fields.status = 'OK';
  },
};
