import type { WmbusDriver } from './types';
import { decodeQundisWalkBy, qundisStatus } from './qundis';
import { mvt } from './util';

/**
 * Qundis Q water 5.5 (qwaterv2) water meters: standard records, or the walk-by manufacturer
 * record (see qundis.ts). Source: wmbusmeters drivers/src/qwaterv2.xmq.
 */
export const qwaterv2: WmbusDriver = {
  name: 'qwaterv2',
  meters: 'Qundis Q water 5.5',
  sources: ['wmbusmeters drivers/src/qwaterv2.xmq', 'Qundis Q water 5.5 data sheet'],
  detect: mvt(
    ['QDS', 0x33, 0x37],
    ['QDS', 0x35, 0x37],
    ['QDS', 0x16, 0x06],
    ['QDS', 0x16, 0x07],
    ['QDS', 0x17, 0x06],
    ['QDS', 0x17, 0x07],
    ['QDS', 0x18, 0x06],
    ['QDS', 0x18, 0x07],
    ['QDS', 0x19, 0x07],
    ['QDS', 0x1a, 0x06],
    ['QDS', 0x1a, 0x07],
    ['QDS', 0x1d, 0x06],
    ['QDS', 0x1d, 0x07],
    ['QDS', 0x36, 0x06],
    ['QDS', 0x36, 0x07],
  ),
  decode(ctx) {
    decodeQundisWalkBy(ctx);
    qundisStatus(ctx);
  },
};
