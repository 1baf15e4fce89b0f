import type { WmbusDriver } from './types';
import { dropMeasurements, mapKeys, mvt } from './util';

/**
 * Axioma Qalcosonic W1 / Q400 water meters (AXI 01/10, water): standard records, except that the
 * "remaining battery life" VIF (FD 74) carries the remaining battery in percent, and an error-code
 * record (function "error", FD 17). Source: wmbusmeters drivers/src/q400.xmq.
 */
export const q400: WmbusDriver = {
  name: 'q400',
  meters: 'Axioma Qalcosonic W1 / Q400',
  sources: ['wmbusmeters drivers/src/q400.xmq'],
  detect: mvt(['AXI', 0x01, 0x07], ['AXI', 0x10, 0x07]),
  decode(ctx) {
    dropMeasurements(ctx, (m) => m.quantity === 'remaining_battery_life');
    mapKeys(ctx, { '01FD74': ['battery', '%', 1], '34FD17': ['error_code', 'count', 1] });
    const battery = ctx.records.find((r) => r.key === '01FD74');
    if (battery && typeof battery.rawValue === 'number') ctx.device.batteryPercent = battery.rawValue;
  },
};
