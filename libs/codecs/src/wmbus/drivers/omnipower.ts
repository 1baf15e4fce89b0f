import type { WmbusDriver } from './types';
import { mvt } from './util';

/**
 * Kamstrup OMNIPOWER electricity meter: standard records (energy and power, forward and reverse);
 * the driver only declares the compact-frame format of its 0x79 telegrams.
 * Source: wmbusmeters drivers/src/omnipower.xmq.
 */
export const omnipower: WmbusDriver = {
  name: 'omnipower',
  meters: 'Kamstrup OMNIPOWER',
  sources: ['wmbusmeters drivers/src/omnipower.xmq'],
  detect: mvt(['KAM', 0x30, 0x02]),
  compactFormats: ['040404843C042B04AB3C'],
  decode() {},
};
