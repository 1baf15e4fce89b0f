import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { measure, mvt, u32le } from './util';

/**
 * Apator 17.2 radio module (APT 04/11; the device type 0x11 is a water meter): the manufacturer
 * payload (CI 0xA0) starts with a 32-bit counter that wmbusmeters reads as thirds of a cubic metre
 * (its VIF 0x13 litre scaling times 1000/3). After the public wmbusmeters driver (apator172.xmq).
 */
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
