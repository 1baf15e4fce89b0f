import { clampU32, crc8, i32le, u32le } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

/**
 * EMU Professional II LoRa three-phase meter (fPort 1): data-logger time (uint32 LE), then register id and
 * value pairs: 0x03 active energy import T1 (Wh, uint32 LE), 0x0B active power L123 (W, int32 LE), 0xF0 error
 * code (0x20 power fail on a broken meter), closed by a CRC-8 (poly 0x07).
 */
export const emuProfIIEncoder: UplinkEncoder = {
  codecId: 'emu/emu-prof-ii',
  utility: 'electricity',
  vendor: 'EMU',
  model: 'Professional II LoRa',
  registerUnit: 'kWh',
  resolution: 1,
  tamper: false,
  encode(s: MeterSnapshot) {
    const body = Uint8Array.from([
      ...u32le(s.time),
      0x03, ...u32le(clampU32(s.total)),
      0x0b, ...i32le(Math.round(s.power)),
      0xf0, s.alarms.error ? 0x20 : 0x00,
    ]);
    const bytes = new Uint8Array(body.length + 1);
    bytes.set(body);
    bytes[body.length] = crc8(body);
    return [{ fPort: 1, bytes }];
  },
};
