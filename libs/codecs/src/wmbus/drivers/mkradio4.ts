import type { WmbusDriver } from './types';
import { decodeMkRadio } from './mkradio3';
import { mvt } from './util';

/**
 * Techem MK Radio 4 (TCH 95/70, types 0x62 warm / 0x72 cold water) with its manufacturer payload
 * (CI 0xA2): the MK Radio 3 layout (see mkradio3.ts). The OMS variant (CI 0x72) is standard.
 * After the public wmbusmeters driver (drivers/src/mkradio4.xmq).
 */
export const mkradio4: WmbusDriver = {
  name: 'mkradio4',
  meters: 'Techem MK Radio 4 water meter (CI 0xA2)',
  sources: ['wmbusmeters drivers/src/mkradio4.xmq'],
  manufacturers: ['TCH'],
  detect: (t) => t.tpl.headerType === 'manufacturer' && mvt(['TCH', 0x95, 0x62], ['TCH', 0x95, 0x72], ['TCH', 0x70, 0x62], ['TCH', 0x70, 0x72])(t),
  rawPayload: true,
  decode: decodeMkRadio(false),
};
