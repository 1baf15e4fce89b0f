import { clampU32, u32le } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

/**
 * Axioma Qalcosonic W1 "enhanced 24h" frame (fPort 100, 51 bytes), as libs/codecs reads it: version 0x01,
 * log time (uint32 LE) 23 hours before the reading, status, log volume in litres (uint32 LE), then 23 hourly
 * deltas in litres as 14-bit fields LSB first and a 6-bit multiplier (0). Status: 0x04 low battery,
 * 0x08 permanent error, 0x20 leakage.
 */
export const qalcosonicW1Encoder: UplinkEncoder = {
  codecId: 'axioma/qalcosonic-w1',
  utility: 'water',
  vendor: 'Axioma',
  model: 'Qalcosonic W1',
  registerUnit: 'm3',
  resolution: 1,
  tamper: false,
  encode(s: MeterSnapshot) {
    const bytes = new Uint8Array(51);
    const logTime = s.time - 23 * 3600;
    let status = 0;
    if (s.alarms.lowBattery) status |= 0x04;
    if (s.alarms.error) status |= 0x08;
    if (s.alarms.leak) status |= 0x20;
    bytes.set([0x01, ...u32le(logTime), status, ...u32le(clampU32(s.hourly[0]))]);
    for (let i = 0; i < 23; i++) {
      const delta = Math.max(0, Math.min(0x3fff, Math.floor(s.hourly[i + 1]) - Math.floor(s.hourly[i])));
      for (let b = 0; b < 14; b++) {
        if ((delta >> b) & 1) {
          const bit = 80 + i * 14 + b;
          bytes[bit >> 3] |= 1 << (bit & 7);
        }
      }
    }
    return [{ fPort: 100, bytes }];
  },
};
