import type { Utility } from '@app/codecs';

/**
 * What a virtual meter shows at one moment; registers are in base units (litres for water and gas, Wh for
 * heat and electricity), so encoders scale them exactly as their decoders read them back.
 */
export interface MeterSnapshot {
  /** Unix seconds of the reading. */
  time: number;
  /** The cumulative register at `time`. */
  total: number;
  /** The register at each of the last 23 whole hours, oldest first, then `total` (now, within the hour). */
  hourly: number[];
  /** Heat meters: the volume register (litres) beside the energy register. */
  volume: number;
  /** Instantaneous power, W (heat, electricity). */
  power: number;
  /** Heat meters: flow and return temperatures, degC. */
  flowTemp: number;
  returnTemp: number;
  batteryPercent: number;
  /** 8-digit meter number. */
  serial: number;
  /** Frame counter of the module (some payloads carry a few of its bits). */
  counter: number;
  alarms: SnapshotAlarms;
}

export interface SnapshotAlarms {
  leak: boolean;
  magnetic: boolean;
  lowBattery: boolean;
  /** The meter reports a hardware error (broken meter). */
  error: boolean;
}

export interface Frame {
  fPort: number;
  bytes: Uint8Array;
}

/** Builds uplink payloads of one codec of libs/codecs, in the byte layout its decoder reads. */
export interface UplinkEncoder {
  codecId: string;
  utility: Exclude<Utility, 'pulse' | 'multi' | 'cooling'>;
  vendor: string;
  model: string;
  /** Unit of the registry's register for this meter (the import CSV's registerUnit). */
  registerUnit: 'm3' | 'kWh';
  /** Register increments this encoder can show (litres or Wh per step): registers are rounded down to it. */
  resolution: number;
  /** Whether the payload can carry a magnetic or mechanical tamper alarm. */
  tamper: boolean;
  encode(s: MeterSnapshot): Frame[];
}
