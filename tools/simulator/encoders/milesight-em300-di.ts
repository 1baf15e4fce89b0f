import { clampU32, u32le } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

/** One pulse of the gas meter's output is 10 litres. */
const LITRES_PER_PULSE = 10;

/**
 * Milesight EM300-DI pulse counter on a gas meter (fPort 85): channel 01 75 battery %, channel 05 C8 pulse
 * counter (uint32 LE). The device has no tamper or leak flag.
 */
export const milesightEm300DiEncoder: UplinkEncoder = {
  codecId: 'milesight-iot/em300-di',
  utility: 'gas',
  vendor: 'Milesight',
  model: 'EM300-DI (gas pulse counter)',
  registerUnit: 'm3',
  resolution: LITRES_PER_PULSE,
  tamper: false,
  encode(s: MeterSnapshot) {
    const battery = Math.max(0, Math.min(100, Math.round(s.batteryPercent)));
    const bytes = Uint8Array.from([0x01, 0x75, battery, 0x05, 0xc8, ...u32le(clampU32(s.total / LITRES_PER_PULSE))]);
    return [{ fPort: 85, bytes }];
  },
};
