import { CodecError } from '../../errors';
import type { WmbusDriver } from './types';
import { techemMedia } from './techem';
import { measure, mvt, u16le, u24le } from './util';

/**
 * Techem Compact V (compact5: TCH 45/22/39, types 0x04/0x43/0xC3) and Vario 4 type 4.5.1
 * (vario451: TCH 27), CI 0xA1/0xA2: previous and current billing period energy.
 *  - compact5: 3 header bytes, previous (24 bit, kWh), 1 byte, current (24 bit, kWh);
 *  - vario451: 3 header bytes, previous (16 bit, MJ), 2 bytes, current (16 bit, MJ).
 * The total is their sum. After the public wmbusmeters drivers (compact5.xmq, vario451.xmq).
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
