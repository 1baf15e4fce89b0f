import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { measure, mvt, u32le } from './util';

/**
 * Apator proprietary water meters whose manufacturer payload (CI 0xA0) starts with a 32-bit counter:
 *  - apator08 (APT 03/03, 0F/0F): the counter counts thirds of a litre;
 *  - apator172 (APT 04/11): the counter counts thirds of a cubic metre... as read by wmbusmeters
 *    (its VIF 0x13 litre scaling times 1000/3); the device type 0x11 is a water meter.
 * After the public wmbusmeters drivers (apator08.xmq, apator172.xmq).
 */
export const apator08: WmbusDriver = {
  name: 'apator08',
  meters: 'Apator 08 water/gas meter radio module',
  sources: ['wmbusmeters drivers/src/apator08.xmq'],
  detect: mvt(['APT', 0x03, 0x03], ['APT', 0x0f, 0x0f]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 4) throw new CodecError('TRUNCATED', `apator08 payload is ${p.length} bytes, needs 4`);
    measure(ctx, 'volume', u32le(p, 0) / 3000, 'm3');
  },
};

export const apator172: WmbusDriver = {
  name: 'apator172',
  meters: 'Apator 17.2 water meter radio module',
  sources: ['wmbusmeters drivers/src/apator172.xmq'],
  detect: mvt(['APT', 0x04, 0x11]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 4) throw new CodecError('TRUNCATED', `apator172 payload is ${p.length} bytes, needs 4`);
    measure(ctx, 'volume', u32le(p, 0) / 3, 'm3');
    ctx.device.deviceType = 'water';
  },
};
