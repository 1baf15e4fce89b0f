import { bcdLE, clampU32, i16le, u32le } from './bytes';
import type { MeterSnapshot, UplinkEncoder } from './types';

/**
 * Elvaco CMi4140 in a Kamstrup MULTICAL 603, "Standard" message (format 0x15, fPort 2), EN 13757-3 records
 * in the order of Elvaco's manual: energy (04 05, 0.1 kWh), volume (04 13, litres), power (02 2E, kW),
 * flow (02 3C, 0.01 m3/h), flow and return temperatures (02 59 / 02 5D, 0.01 degC), meter ID (0C 78, BCD)
 * and error flags last (04 FD 17): 0x00000100 stands for a broken meter.
 */
export const elvacoCmi4140Encoder: UplinkEncoder = {
  codecId: 'elvaco/cmi4140',
  utility: 'heat',
  vendor: 'Elvaco',
  model: 'CMi4140 (Kamstrup MULTICAL 603)',
  registerUnit: 'kWh',
  resolution: 100,
  tamper: false,
  encode(s: MeterSnapshot) {
    const deltaT = Math.max(0.1, s.flowTemp - s.returnTemp);
    // Q = P / (1.163 kWh/(m3 K) * dT), in 0.01 m3/h
    const flow = Math.round((s.power / 1000 / (1.163 * deltaT)) * 100);
    const bytes = Uint8Array.from([
      0x15,
      0x04, 0x05, ...u32le(clampU32(s.total / 100)),
      0x04, 0x13, ...u32le(clampU32(s.volume)),
      0x02, 0x2e, ...i16le(Math.round(s.power / 1000)),
      0x02, 0x3c, ...i16le(Math.min(0x7fff, flow)),
      0x02, 0x59, ...i16le(Math.round(s.flowTemp * 100)),
      0x02, 0x5d, ...i16le(Math.round(s.returnTemp * 100)),
      0x0c, 0x78, ...bcdLE(s.serial, 4),
      0x04, 0xfd, 0x17, ...u32le(s.alarms.error ? 0x100 : 0),
    ]);
    return [{ fPort: 2, bytes }];
  },
};
