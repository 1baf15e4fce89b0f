import { clampU32, u32be } from './bytes';
import type { Frame, MeterSnapshot, UplinkEncoder } from './types';

/** Adeunis timestamps count seconds from 2013-01-01T00:00:00Z. */
const EPOCH_2013 = 1356998400;
/** One pulse of the gas meter's reed contact is 10 litres (0.01 m3, a G4 diaphragm meter). */
export const LITRES_PER_PULSE = 10;

/**
 * Adeunis Pulse 4 on a gas meter (fPort 1): a 0x46 frame with the counters of channels A and B (uint32 BE)
 * and a timestamp (status bit 2, seconds since 2013 uint32 BE); with an alarm also a 0x30 keep-alive whose
 * flags carry tamper (0x04) and leakage (0x10) of channel A. Status: frame counter bits 5-7, low battery
 * bit 1, configuration done bit 0.
 */
export const adeunisPulseEncoder: UplinkEncoder = {
  codecId: 'adeunis/pulse',
  utility: 'gas',
  vendor: 'Adeunis',
  model: 'Pulse (gas diaphragm meter G4)',
  registerUnit: 'm3',
  resolution: LITRES_PER_PULSE,
  tamper: true,
  encode(s: MeterSnapshot) {
    const status = ((s.counter & 0x07) << 5) | 0x04 | (s.alarms.lowBattery ? 0x02 : 0) | 0x01;
    const stamp = u32be(Math.max(0, s.time - EPOCH_2013));
    const pulses = clampU32(s.total / LITRES_PER_PULSE);
    const frames: Frame[] = [{ fPort: 1, bytes: Uint8Array.from([0x46, status, ...u32be(pulses), 0, 0, 0, 0, ...stamp]) }];
    if (s.alarms.magnetic || s.alarms.leak) {
      const flags = (s.alarms.magnetic ? 0x04 : 0) | (s.alarms.leak ? 0x10 : 0);
      frames.push({ fPort: 1, bytes: Uint8Array.from([0x30, status, flags, 0, 0, 0, 0, 0, 0, 0, 0, ...stamp]) });
    }
    return frames;
  },
};
