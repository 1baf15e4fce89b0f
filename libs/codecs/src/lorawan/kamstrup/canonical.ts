import { bcdLE, decodeDataRecords, recordsToMeasurements } from '../../mbus';
import type { MbusRecord } from '../../mbus';
import type { AlarmCode, DeviceStatus, Measurement } from '../../types';
import type { ProfilePoint } from './values';
import type { KHeader } from './walk';
import { isoOfText } from '../iso-time';
import { pow2 } from '../../pow';

/**
 * The canonical part of a Kamstrup frame. Plain records come from the shared M-Bus layer
 * (libs/codecs/src/mbus), which reads signed and 6-byte values correctly; two things it does
 * not do are added here: a type-B integer at its minimum value (0x80, 0x8000, ...) is "invalid"
 * (EN 13757-3:2018 Annex A; Kamstrup sends 0x80 for a temperature it did not measure), and the
 * Kamstrup manufacturer VIFEs (FF 25 info codes -> alarms, FF 1C / FF 1B acoustic leak
 * detection level, FF 16 module type/config number). Profile elements come from the vendor
 * expansion (absolute values), timed in calendar arithmetic. Times are the meter's, rendered as UTC.
 */
const INFO_ALARMS: readonly AlarmCode[] = ['dry', 'backflow', 'leak', 'burst', 'tamper', 'low_battery', 'low_temperature', 'high_temperature'];

const MEDIA: Readonly<Record<number, string>> = { 0x04: 'heat', 0x06: 'warm water', 0x07: 'water', 0x0c: 'heat', 0x16: 'cold water' };

const INT_BITS: Readonly<Record<string, number>> = { int8: 8, int16: 16, int24: 24, int32: 32, int48: 48 };

/** Type B "invalid": the most negative value of the integer's width. */
function typeBInvalid(r: MbusRecord): boolean {
  const bits = INT_BITS[r.dataType];
  return bits !== undefined && r.kind === 'number' && r.rawValue === -pow2(bits - 1);
}

export function manufacturerCode(code: number): string {
  return String.fromCharCode(((code >> 10) & 0x1f) + 64, ((code >> 5) & 0x1f) + 64, (code & 0x1f) + 64);
}

interface ProfileQuantity {
  quantity: string;
  register?: string;
}

/** Vendor profile types back to canonical quantities ("Max Volume flow" -> volume_flow_max). */
function profileQuantity(type: string): ProfileQuantity {
  let t = type;
  let suffix = '';
  for (const [prefix, s] of [['Max ', '_max'], ['Min ', '_min'], ['Error state ', '_at_error']] as const) {
    if (t.startsWith(prefix)) [t, suffix] = [t.slice(prefix.length), s];
  }
  const reverse = t.startsWith('Reverse ');
  if (reverse) t = t.slice('Reverse '.length);
  const quantity = t.toLowerCase().replace(/ /g, '_') + suffix;
  return reverse ? { quantity, register: 'reverse' } : { quantity };
}

/** profileQuantity per vendor type, computed once: a frame carries dozens of profile elements. */
const PROFILE_QUANTITIES = new Map<string, ProfileQuantity>();

function cachedProfileQuantity(type: string): ProfileQuantity {
  let q = PROFILE_QUANTITIES.get(type);
  if (q === undefined) PROFILE_QUANTITIES.set(type, (q = profileQuantity(type)));
  return q;
}

const UNITS: Readonly<Record<string, Measurement['unit']>> = { m3: 'm3', 'm3/h': 'm3/h', C: 'degC' };

export interface KamstrupCanonical {
  measurements: Measurement[];
  alarms: AlarmCode[];
  device: DeviceStatus;
}

export function kamstrupCanonical(bytes: Uint8Array, header: KHeader, profile: ProfilePoint[]): KamstrupCanonical {
  const records = decodeDataRecords(bytes.subarray(header.length));
  const valid = records.filter((r) => !typeBInvalid(r) && !r.invalid);
  const measurements: Measurement[] = recordsToMeasurements(valid);
  // The measurements are new objects: their M-Bus times become ISO-8601 in place.
  for (const m of measurements) if (m.at) m.at = isoOfText(m.at);
  const alarms = new Set<AlarmCode>();
  const device: DeviceStatus = {};
  if (header.id) {
    const id = bcdLE(header.id, 0, 4);
    if (Number.isFinite(id)) device.serial = String(id).padStart(8, '0');
  }
  if (header.manufacturer !== undefined) device.manufacturer = manufacturerCode(header.manufacturer);
  if (header.version !== undefined) device.version = header.version;
  if (header.medium !== undefined) device.deviceType = MEDIA[header.medium] ?? `0x${header.medium.toString(16).padStart(2, '0')}`;
  if (header.accessNumber !== undefined) device.accessNumber = header.accessNumber;
  if (header.status !== undefined) device.statusByte = header.status;

  for (const r of records) {
    if (r.vifCode !== 0xff00 || r.vife.length === 0 || typeof r.value !== 'number') continue;
    const code = r.vife[0] & 0x7f;
    if (code === 0x25) {
      INFO_ALARMS.forEach((alarm, bit) => {
        if (r.value !== null && r.value & (1 << bit)) alarms.add(alarm);
      });
    } else if ((code === 0x1c || code === 0x1b) && r.value !== 0xfff && r.value !== 0xffff) {
      measurements.push({ quantity: code === 0x1c ? 'acoustic_leak_level_last_day' : 'acoustic_leak_level', value: r.value, unit: '', storage: r.storage, tariff: r.tariff });
    } else if (code === 0x16) {
      device.configNumber = r.value;
    }
  }
  for (const p of profile) {
    const unit = UNITS[p.unit];
    if (p.value === null || unit === undefined) continue;
    const { quantity, register } = cachedProfileQuantity(p.type);
    measurements.push(
      register === undefined
        ? { quantity, value: p.value, unit, at: p.at, storage: p.storage }
        : { quantity, register, value: p.value, unit, at: p.at, storage: p.storage },
    );
  }
  return { measurements, alarms: [...alarms], device };
}
