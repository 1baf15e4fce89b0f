import { ascii, clampU32, u32be } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

const NOT_FOUND = 0x80000000;

/**
 * Adeunis TIC reader on a Linky single-phase meter in historic mode (fPort 1), a 0x49 frame of the labels in
 * the profile's order: ADCO (12 ASCII), OPTARIF (4), BASE (Wh), ISOUSC, IINST, IMAX (A), PAPP (VA), HCHC and
 * HCHP (not found on a BASE contract), PTEC (4). Status: frame counter bits 5-7, low battery bit 1, read
 * error bit 4 (a broken meter link).
 */
export const adeunisTicLinkyEncoder: UplinkEncoder = {
  codecId: 'adeunis/tic-cbe-linky-mono',
  utility: 'electricity',
  vendor: 'Adeunis',
  model: 'TIC CBE/Linky mono',
  registerUnit: 'kWh',
  resolution: 1,
  tamper: false,
  encode(s: MeterSnapshot) {
    const status = ((s.counter & 0x07) << 5) | (s.alarms.error ? 0x10 : 0) | (s.alarms.lowBattery ? 0x02 : 0) | 0x01;
    const amps = Math.round(s.power / 230);
    const bytes = Uint8Array.from([
      0x49, status,
      ...ascii(`0217${String(s.serial).padStart(8, '0')}`, 12),
      ...ascii('BASE', 4),
      ...u32be(clampU32(s.total)),
      ...u32be(45),
      ...u32be(amps),
      ...u32be(Math.max(amps, 30)),
      ...u32be(Math.round(s.power)),
      ...u32be(NOT_FOUND),
      ...u32be(NOT_FOUND),
      ...ascii('TH..', 4),
    ]);
    return [{ fPort: 1, bytes }];
  },
};
