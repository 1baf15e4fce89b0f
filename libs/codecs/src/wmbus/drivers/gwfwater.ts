import type { AlarmCode } from '../../types';
import type { WmbusDriver } from './types';
import { bitStatus, measure, mvt } from './util';

/**
 * GWF water meters (GWF 01/0E radio module, GWF 3C/07): standard records, then a manufacturer
 * block (DIF 0F) of type 0x01: a status byte (continuous flow, broken pipe, battery low, backflow)
 * and a byte whose bit 0 is the power-saving mode and whose bits 3-7 count remaining battery life
 * in half years. Source: GWF radio module documentation as summarised in wmbusmeters gwfwater.xmq.
 */
const BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x02, 'CONTINUOUS_FLOW', 'leak'],
  [0x08, 'BROKEN_PIPE', 'burst'],
  [0x20, 'BATTERY_LOW', 'low_battery'],
  [0x40, 'BACKFLOW', 'backflow'],
];

export const gwfwater: WmbusDriver = {
  name: 'gwfwater',
  meters: 'GWF water meters with GWF radio module',
  sources: ['wmbusmeters drivers/src/gwfwater.xmq'],
  detect: mvt(['GWF', 0x01, 0x0e], ['GWF', 0x3c, 0x07], ['GWF', 0x02, 0x0e]),
  decode(ctx) {
    const block = ctx.records.find((r) => r.manufacturerData && r.dif === 0x0f);
    if (!block || block.data.length < 3) return;
    const d = block.data;
    if (d[0] !== 0x01) {
      ctx.fields.status = `UNKNOWN_MFCT_STATUS_${d[0].toString(16).toUpperCase()}`;
      return;
    }
    bitStatus(ctx, d[1], BITS);
    ctx.fields.power_mode = d[2] & 1 ? 'SAVING' : 'NORMAL';
    const years = Math.floor(d[2] / 8) * 0.5;
    measure(ctx, 'remaining_battery_life', years * 365.2425 * 86400, 's', { register: 'mfct' });
  },
};
