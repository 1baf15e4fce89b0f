import { CodecError } from '../../errors';
import type { AlarmCode } from '../../types';
import { aesCbcDecrypt } from '../crypto';
import type { WmbusDriver } from './types';
import { addDate, bitStatus, bitText, measure, mvt, u32le } from './util';

/**
 * Apator NA-1 water meter (APA 14/07), CI 0xA0/0xA1. After the CI: an access number, a clear
 * frame-status byte, then 16 bytes AES-128-CBC encrypted with the meter key and the mode 5 IV
 * (M, A, 8 x that access number). Clear: 0x2F check byte, packed total (32 bit: bits 4-5 select
 * the multiplier 1/10/100/1000, the rest is the count in litres), meter time in seconds since
 * 2000-01-01, the age (hours) and the volume delta of the last historic reading, current and
 * historic status. After the public wmbusmeters driver (drivers/src/apatorna1.xmq).
 */
const FRAME_BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x01, 'SUMMER_TIME'],
  [0x02, 'HISTORICAL_INDICATION'],
  [0x04, 'MAX_SPEED_EXCEEDED', 'high_flow'],
  [0x08, 'DEVICE_ACCESS_ERROR'],
  [0x10, 'TWO_WAY_COM_BLOCK'],
  [0x20, 'INSTALL_FRAME'],
  [0x40, 'WRONG_TEMPERATURE'],
  [0x80, 'SERVICE_EVENT'],
];
const STATUS_BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x80, 'MINIMUM_FLOW', 'low_flow'],
  [0x40, 'MAXIMUM_FLOW', 'high_flow'],
  [0x20, 'REVERSE_FLOW', 'backflow'],
  [0x10, 'MEASUREMENT_UNCHANGED', 'no_flow'],
  [0x08, 'LEAK', 'leak'],
  [0x04, 'DEVICE_DISCONNECTED', 'removal'],
  [0x02, 'MAGNETIC_FIELD', 'magnetic_tamper'],
  [0x01, 'BATTERY_LOW', 'low_battery'],
];

export const apatorna1: WmbusDriver = {
  name: 'apatorna1',
  meters: 'Apator NA-1 water meter',
  sources: ['wmbusmeters drivers/src/apatorna1.xmq'],
  detect: mvt(['APA', 0x14, 0x07]),
  rawPayload: true,
  decode(ctx) {
    const p = ctx.t.apl;
    if (p.length < 18) throw new CodecError('TRUNCATED', `NA-1 payload is ${p.length} bytes, needs 18`);
    if (!ctx.key || ctx.key.length !== 16) {
      throw new CodecError('KEY_NEEDED', 'Apator NA-1 payload is AES encrypted and no key was given', { manufacturer: 'APA', id: ctx.t.dll.id });
    }
    const iv = new Uint8Array(16);
    iv.set(ctx.t.frame.subarray(2, 10), 0);
    iv.fill(p[0], 8);
    const c = aesCbcDecrypt(ctx.key, iv, p.subarray(2, 18));
    if (c[0] !== 0x2f) throw new CodecError('WRONG_KEY', 'Apator NA-1: decrypted block does not start with 0x2F');
    const packed = u32le(c, 1);
    const mult = [1, 10, 100, 1000][(packed >> 4) & 3];
    const total = ((packed >>> 8) * 16 + (packed & 0x0f)) * mult / 1000;
    const seconds = u32le(c, 5);
    const ageHours = (c[10] >> 2) * 256 + c[9];
    const delta = ((c[13] << 18) + (c[12] << 10) + (c[11] << 2) + (c[10] & 3)) * mult / 1000;
    measure(ctx, 'volume', total, 'm3');
    const meterTime = Date.UTC(2000, 0, 1) + seconds * 1000;
    const histTime = meterTime - ageHours * 3600_000;
    measure(ctx, 'volume', Math.round((total - delta) * 1e6) / 1e6, 'm3', { storage: 1, at: new Date(histTime).toISOString() });
    measure(ctx, 'historic_age', ageHours * 3600, 's', { storage: 1 });
    const m = new Date(meterTime);
    const h = new Date(histTime);
    addDate(ctx, 'meter_datetime', m.getUTCFullYear(), m.getUTCMonth() + 1, m.getUTCDate(), m.getUTCHours(), m.getUTCMinutes());
    addDate(ctx, 'historic_datetime', h.getUTCFullYear(), h.getUTCMonth() + 1, h.getUTCDate(), h.getUTCHours(), h.getUTCMinutes(), 1);
    bitStatus(ctx, p[1], FRAME_BITS, 'frame_status');
    bitStatus(ctx, c[14], STATUS_BITS, 'current_status');
    // The historic status is reported, its alarms are not current.
    ctx.fields.historic_status = bitText(c[15], STATUS_BITS);
  },
};
