import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { techemMedia } from './techem';
import { measure, mvt, u24le } from './util';

/**
 * Techem Compact V heat meters (TCH 45/22/39, types 0x04/0x43/0xC3), CI 0xA1/0xA2: 3 header bytes,
 * previous billing period energy (24 bit, kWh), 1 byte, current period energy (24 bit, kWh); the
 * total is their sum. After the public wmbusmeters driver (drivers/src/compact5.xmq).
 */
export const compact5: WmbusDriver = {
  name: 'compact5',
  meters: 'Techem Compact V heat meter',
  sources: ['wmbusmeters drivers/src/compact5.xmq'],
  detect: mvt(['TCH', 0x45, 0x04], ['TCH', 0x45, 0xc3], ['TCH', 0x22, 0x43], ['TCH', 0x45, 0x43], ['TCH', 0x39, 0x43]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 10) throw new CodecError('TRUNCATED', `Compact V payload is ${p.length} bytes, needs 10`);
    const prev = u24le(p, 3);
    const curr = u24le(p, 7);
    measure(ctx, 'energy', prev + curr, 'kWh');
    measure(ctx, 'energy_current_period', curr, 'kWh');
    measure(ctx, 'energy_previous_period', prev, 'kWh', { storage: 1 });
    ctx.device.deviceType = 'heat';
    techemMedia(ctx);
  },
};
