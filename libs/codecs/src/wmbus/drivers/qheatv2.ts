import type { WmbusDriver } from './types';
import { decodeQundisWalkBy, qundisStatus } from './qundis';
import { mvt } from './util';

/**
 * Qundis Q heat 5.5 heat meters (often behind a radio converter, type 0x37, with the meter in the
 * long TPL header): standard records, or the walk-by manufacturer record (see qundis.ts).
 * Source: wmbusmeters drivers/src/qheatv2.xmq.
 */
export const qheatv2: WmbusDriver = {
  name: 'qheatv2',
  meters: 'Qundis Q heat 5.5',
  sources: ['wmbusmeters drivers/src/qheatv2.xmq'],
  detect: mvt(['QDS', 0x23, 0x37], ['QDS', 0x47, 0x37], ['QDS', 0x48, 0x37], ['QDS', 0x3e, 0x37], ['QDS', '*', 0x04], ['QDS', '*', 0x0c]),
  decode(ctx) {
    decodeQundisWalkBy(ctx);
    qundisStatus(ctx);
  },
};
