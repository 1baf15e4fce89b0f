import type { WmbusDriver } from './types';
import { mapKeys, mvt, statusFromKeys } from './util';

/**
 * Qundis Q smoke 3.x/5.x smoke detectors: standard records plus two plain-text-unit counters
 * ("#UI" test button presses, "#AL" alarms), with their last dates at storage 4 and 6.
 * Source: wmbusmeters drivers/src/qsmoke.xmq.
 */
export const qsmoke: WmbusDriver = {
  name: 'qsmoke',
  meters: 'Qundis Q smoke',
  sources: ['wmbusmeters drivers/src/qsmoke.xmq'],
  detect: mvt(['QDS', 0x21, 0x1a], ['QDS', 0x23, 0x1a]),
  decode(ctx) {
    mapKeys(ctx, {
      '81037C034C4123': ['smoke_alarm_count', 'count', 1],
      '81027C03495523': ['test_button_count', 'count', 1],
    });
    statusFromKeys(ctx, ['02FD17', '03FD17', '04FD17'], []);
  },
};
