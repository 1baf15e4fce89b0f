import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { measure, mvt, u32le } from './util';

/**
 * Apator 08 radio module (APT 03/03 gas, 0F/0F): the manufacturer payload (CI 0xA0) starts with a
 * 32-bit counter of thirds of a litre. After the public wmbusmeters driver (apator08.xmq).
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
