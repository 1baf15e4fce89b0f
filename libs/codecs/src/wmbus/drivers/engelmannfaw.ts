import type { AlarmCode } from '../../types';
import type { WmbusDriver } from './types';
import { mvt, statusFromKeys } from './util';

/**
 * Engelmann WaterStar / FAW radio water meters (EFE 00/01/02, water types): standard records; the
 * encrypted compact frames (CI 0x73, long header) use the monthly history format below.
 * Error flags (FD17) as the Engelmann data sheet lists them. Source: wmbusmeters engelmann_faw.xmq.
 */
const BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x01, 'VOLUME_DETECTION_COILS_DEFECT', 'sensor_error'],
  [0x02, 'RESET'],
  [0x04, 'CRC_ERROR', 'hardware_error'],
  [0x08, 'REMOVAL_DETECTED', 'removal'],
  [0x10, 'MAGNETIC_MANIPULATION', 'magnetic_tamper'],
  [0x20, 'LEAKAGE', 'leak'],
  [0x40, 'BLOCKED', 'no_flow'],
  [0x80, 'REVERSE_FLOW', 'backflow'],
];

export const engelmannFaw: WmbusDriver = {
  name: 'engelmann_faw',
  meters: 'Engelmann FAW / WaterStar radio water meters',
  sources: ['wmbusmeters drivers/src/engelmann_faw.xmq'],
  detect: mvt(['EFE', 0x00, 0x06], ['EFE', 0x00, 0x07], ['EFE', 0x00, 0x16], ['EFE', 0x01, 0x07], ['EFE', 0x02, 0x07]),
  compactFormats: ['426C441301FD17840113C40113840213C40213840313C40313840413C40413840513C40513840613C40613840713C40713840813046D0413'],
  decode(ctx) {
    if (statusFromKeys(ctx, ['01FD17'], BITS) === undefined) ctx.fields.status = 'OK';
  },
};
