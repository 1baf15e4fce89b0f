import { adeunisPulseEncoder } from './adeunis-pulse';
import { adeunisTicLinkyEncoder } from './adeunis-tic-linky';
import { elvacoCmi4140Encoder } from './elvaco-cmi4140';
import { emuProfIIEncoder } from './emu-prof-ii';
import { milesightEm300DiEncoder } from './milesight-em300-di';
import { qalcosonicW1Encoder } from './qalcosonic-w1';
import { sensusIperlEncoder } from './sensus-iperl';
import type { UplinkEncoder } from './types';

export type { Frame, MeterSnapshot, SnapshotAlarms, UplinkEncoder } from './types';

/** Every model the simulator plays, with the share of the fleet it gets. */
export const ENCODERS: readonly { encoder: UplinkEncoder; weight: number }[] = [
  { encoder: qalcosonicW1Encoder, weight: 3 },
  { encoder: sensusIperlEncoder, weight: 3 },
  { encoder: adeunisPulseEncoder, weight: 2 },
  { encoder: milesightEm300DiEncoder, weight: 1 },
  { encoder: elvacoCmi4140Encoder, weight: 2 },
  { encoder: adeunisTicLinkyEncoder, weight: 2 },
  { encoder: emuProfIIEncoder, weight: 1 },
];
