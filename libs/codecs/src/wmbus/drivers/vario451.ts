import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { measure, mvt, u16le } from './util';

/**
 * Techem Vario 4 type 4.5.1 heat meters (TCH 27, types 0x04/0xC3), CI 0xA2: 3 header bytes,
 * previous billing period energy (16 bit, MJ), 2 bytes, current period energy (16 bit, MJ); the
 * total is their sum. After the public wmbusmeters driver (drivers/src/vario451.xmq).
 */
export const vario451: WmbusDriver = {
  name: 'vario451',
  meters: 'Techem Vario 4 type 4.5.1 heat meter',
  sources: ['wmbusmeters drivers/src/vario451.xmq'],
  detect: mvt(['TCH', 0x27, 0x04], ['TCH', 0x27, 0xc3]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 9) throw new CodecError('TRUNCATED', `Vario 4.5.1 payload is ${p.length} bytes, needs 9`);
    // 1 MJ = 1/3.6 kWh
    const prev = u16le(p, 3) / 3.6;
    const curr = u16le(p, 7) / 3.6;
    measure(ctx, 'energy', prev + curr, 'kWh');
    measure(ctx, 'energy_current_period', curr, 'kWh');
    measure(ctx, 'energy_previous_period', prev, 'kWh', { storage: 1 });
    ctx.device.deviceType = 'heat';
  },
};
