import { clampU32, u16le, u32le } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

/**
 * Sensus iPERL (OMS over LoRaWAN, fPort 20): short TPL header (CI 0x7A, access number, status, config),
 * a volume record (DIF 04, VIF 13: int32 litres) and an error-flags record (DIF 02, VIF FD 17, 16 bits):
 * 0x01 mechanical tamper, 0x02 low battery, 0x10 hardware error, 0x40 magnetic tamper, and with 0x80 set
 * the high byte's 0x04 leakage.
 */
export const sensusIperlEncoder: UplinkEncoder = {
  codecId: 'sensus/iperl',
  utility: 'water',
  vendor: 'Sensus',
  model: 'iPERL',
  registerUnit: 'm3',
  resolution: 1,
  tamper: true,
  encode(s: MeterSnapshot) {
    let low = 0x80;
    let high = 0;
    if (s.alarms.lowBattery) low |= 0x02;
    if (s.alarms.error) low |= 0x10;
    if (s.alarms.magnetic) low |= 0x40;
    if (s.alarms.leak) high |= 0x04;
    const bytes = Uint8Array.from([
      0x7a, s.counter & 0xff, 0x00, 0x00, 0x00,
      0x04, 0x13, ...u32le(clampU32(s.total)),
      0x02, 0xfd, 0x17, ...u16le(low | (high << 8)),
    ]);
    return [{ fPort: 20, bytes }];
  },
};
