import type { WmbusDriver } from './types';
import { decodeQundisWalkBy, qundisStatus } from './qundis';
import { mvt } from './util';

/**
 * Qundis Q caloric 5.5 heat cost allocators (QDS, and the LSE / ZRI OEM versions): standard
 * records, or the walk-by manufacturer record (see qundis.ts). Source: wmbusmeters qcaloric.xmq.
 */
export const qcaloric: WmbusDriver = {
  name: 'qcaloric',
  meters: 'Qundis Q caloric 5.5 (also sold as Landis+Gyr / Zenner WHE 46x/5x)',
  sources: ['wmbusmeters drivers/src/qcaloric.xmq'],
  detect: mvt(['QDS', 0x34, 0x08], ['QDS', 0x35, 0x08], ['QDS', 0x36, 0x08], ['LSE', 0x34, 0x08], ['LSE', 0x18, 0x08], ['ZRI', 0xfd, 0x08]),
  decode(ctx) {
    decodeQundisWalkBy(ctx);
    qundisStatus(ctx);
  },
};
