import { decodeDataRecords, recordsToMeasurements } from '../../mbus';
import { round } from '../../reader';
import type { AlarmCode, DeviceStatus, Measurement } from '../../types';
import type { OmsHeader, OmsRecord } from './frame';
import { scaled } from './output';
import type { BaseUnit } from './vif';
import { isoOfText, isoString } from '../iso-time';

/**
 * The canonical part of an iPERL uplink. Plain records come from the shared M-Bus layer
 * (libs/codecs/src/mbus: correct signed, real32 and 64-bit values, times from the date record of
 * the same storage); compact-profile elements come from the decoder's expansion (absolute values;
 * times as the standard says, backwards for inverse profiles), without the base value, which is
 * already a plain record. Alarm names of
 * the decoder map onto canonical codes; manufacturer-specific bits stay under `vendor` only.
 */
const ALARMS: Readonly<Record<string, AlarmCode>> = {
  LOW_BATTERY: 'low_battery',
  LEAKAGE: 'leak',
  MAGNETIC_TAMPERING: 'magnetic_tamper',
  MECHANICAL_TAMPERING: 'tamper',
  HW_SW_ERROR: 'hardware_error',
  SENSOR_OUT_OF_RANGE: 'sensor_error',
  BROKEN_PIPE: 'burst',
  EMPTY_PIPE: 'dry',
};

const PROFILE_UNITS: Partial<Record<BaseUnit, { unit: Measurement['unit']; factor: number }>> = {
  M3: { unit: 'm3', factor: 1 },
  M3_HOUR: { unit: 'm3/h', factor: 1 },
  WATT_HOUR: { unit: 'kWh', factor: 1e-3 },
  WATT: { unit: 'W', factor: 1 },
  CELSIUS: { unit: 'degC', factor: 1 },
  KELVIN: { unit: 'K', factor: 1 },
  BAR: { unit: 'bar', factor: 1 },
};

const MEDIA: Readonly<Record<number, string>> = { 0x03: 'gas', 0x06: 'warm water', 0x07: 'water', 0x15: 'hot water', 0x16: 'cold water' };

export interface SensusCanonical {
  measurements: Measurement[];
  alarms: AlarmCode[];
  device: DeviceStatus;
}

export function sensusCanonical(block: Uint8Array, header: OmsHeader, records: OmsRecord[], alarmNames: string[]): SensusCanonical {
  const measurements = recordsToMeasurements(decodeDataRecords(block));
  // The measurements are new objects: their M-Bus times become ISO-8601 in place.
  for (const m of measurements) if (m.at) m.at = isoOfText(m.at);
  for (const r of records) {
    const unit = PROFILE_UNITS[r.unit.unit];
    if (!r.profile || !unit) continue;
    const quantity = r.unit.type.toLowerCase();
    for (let i = 1; i < r.profile.length; i++) {
      const p = r.profile[i];
      const value = scaled(p.number, r);
      if (value === null || p.at === -1) continue;
      measurements.push({ quantity, value: round(value * unit.factor), unit: unit.unit, at: isoString(p.at * 1000), storage: p.storage });
    }
  }
  const alarms = [...new Set(alarmNames.map((a) => ALARMS[a]).filter((a): a is AlarmCode => a !== undefined))];
  const device: DeviceStatus = {};
  if (header.identificationNo !== null) device.serial = String(header.identificationNo).padStart(8, '0');
  if (header.manufacturerCode !== null) device.manufacturer = header.manufacturerCode;
  if (header.version !== null) device.version = header.version;
  if (header.device !== null) device.deviceType = MEDIA[header.device] ?? `0x${header.device.toString(16).padStart(2, '0')}`;
  if (header.accessNo !== null) device.accessNumber = header.accessNo;
  if (header.status !== null) device.statusByte = header.status;
  return { measurements, alarms, device };
}
