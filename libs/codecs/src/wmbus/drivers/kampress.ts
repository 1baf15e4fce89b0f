import type { WmbusDriver } from './types';
import { bitStatus, mapKeys, mvt } from './util';

/**
 * Kamstrup pressure sensor (KAM, version 0x01, type 0x18). Pressure records are standard (VIF 0x69,
 * 10^-2 bar); FF09/FF0A are two 32-bit real calibration terms ("alfa", "beta"); FD17 bit 3 = low.
 * Source: wmbusmeters drivers/src/kampress.xmq.
 */
export const kampress: WmbusDriver = {
  name: 'kampress',
  meters: 'Kamstrup pressure sensor',
  sources: ['wmbusmeters drivers/src/kampress.xmq'],
  detect: mvt(['KAM', 0x01, 0x18]),
  compactFormats: ['22691269026905FF0905FF0A02FD17'],
  decode(ctx) {
    mapKeys(ctx, { '05FF09': ['alfa', 'count', 1], '05FF0A': ['beta', 'count', 1] });
    for (const r of ctx.records) {
      if (r.key === '02FD17' && typeof r.rawValue === 'number') {
        bitStatus(ctx, r.rawValue, [
          [0x01, 'DROP'],
          [0x02, 'SURGE'],
          [0x04, 'HIGH'],
          [0x08, 'LOW'],
          [0x10, 'TRANSIENT'],
          [0x20, 'COMM_ERROR', 'communication_error'],
        ]);
      }
    }
  },
};
