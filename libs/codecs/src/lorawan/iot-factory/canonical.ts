import { CodecError } from '../../errors';
import { decodeDataRecords, recordsToMeasurements } from '../../mbus';
import { round } from '../../reader';
import type { AlarmCode, DeviceStatus, JsonObject, Measurement } from '../../types';
import { recordSpan } from './mbus-frame';

/**
 * The canonical part of IoT Factory uplinks, frame by frame, each timed by its frame time:
 *  - M-Bus frames: the record bytes decoded by the shared M-Bus layer (libs/codecs/src/mbus), so
 *    BCD signs, real32 byte order and the 6-byte BCD are read as EN 13757-3 says; register = the
 *    meter ID (and the record's direction, if any); status "any application error" -> hardware_error;
 *  - metering-node inputs: pulse counters (count), analog inputs (V, when the input is ok; an
 *    overvoltage or a missing/broken sensor is an alarm), digital inputs (state), 4-20 mA (A),
 *    temperature, humidity, waste fill level; leak-detection cables (ODK) wet -> leak, broken ->
 *    sensor_error; guard alarms -> tamper;
 *  - device: gateway/node serial, battery %, power source, model and firmware.
 */
export interface IotFactoryCanonical {
  measurements: Measurement[];
  alarms: AlarmCode[];
  device: DeviceStatus;
  warnings: string[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function mbusMeasurements(bytes: Uint8Array, frame: JsonObject, at: string, warnings: string[]): Measurement[] {
  const span = recordSpan(frame);
  if (!span || frame.measurement === undefined) return [];
  try {
    const serial = String(frame.meter_serial_number);
    const measurements = recordsToMeasurements(decodeDataRecords(bytes.subarray(span.start, span.end)));
    // The measurements are new objects: { ...m, at, register } in place.
    for (const m of measurements) {
      m.at = at;
      m.register = m.register ? `${serial}.${m.register}` : serial;
    }
    return measurements;
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    warnings.push(`M-Bus record at offset ${span.start} not decoded for the canonical part: ${error.message}`);
    return [];
  }
}

/** Appends the measurements of a metering-node input frame to `out` (no array per frame). */
function inputMeasurements(f: JsonObject, at: string, alarms: Set<AlarmCode>, out: Measurement[]): void {
  const m = (quantity: string, value: number | undefined, unit: Measurement['unit'], register?: string): void => {
    if (value !== undefined) out.push(register ? { quantity, value, unit, at, register } : { quantity, value, unit, at });
  };
  switch (f.type) {
    case 'pulse_counter':
      return m('pulse_count', num(f.counter), 'count', `pin_${String(f.pin_number)}`);
    case 'analog_input':
      if (f.input_status === 'overvoltage') alarms.add('over_voltage');
      if (f.input_status === 'no_sensor' || f.input_status === 'input_error') alarms.add('sensor_error');
      if (f.input_status === 'ok') m('voltage', num(f.mV) === undefined ? undefined : round(Number(f.mV) / 1000), 'V', `pin_${String(f.pin_number)}`);
      return;
    case 'digital_input':
      if (f.pin_state === 'high' || f.pin_state === 'low') m('input_state', f.pin_state === 'high' ? 1 : 0, '', `pin_${String(f.pin_number)}`);
      return;
    case '4_20mA':
      return m('current', num(f.mA) === undefined ? undefined : round(Number(f.mA) / 1000), 'A', `sensor_${String(f.number_sensor)}`);
    case 'temperature':
      return m('temperature', num(f.temperature_cel), 'degC', `sensor_${String(f.number_sensor)}`);
    case 'humidity':
      return m('humidity', num(f.humidity_pct), '%');
    case 'waste_sensor':
      m('temperature', num(f.temperature_cel), 'degC');
      return m('fill_level', num(f.waste_pct), '%');
    case 'ODK':
      if (f.state === 'WET' || f.state === 'WET_BREAK') alarms.add('leak');
      if (f.state === 'BREAK' || f.state === 'WET_BREAK') alarms.add('sensor_error');
      return;
    case 'guard':
      if (f.reason === 'alarm') alarms.add('tamper');
      return;
    default:
      return;
  }
}

export function iotFactoryCanonical(bytes: Uint8Array, data: JsonObject, frames: JsonObject[]): IotFactoryCanonical {
  const measurements: Measurement[] = [];
  const alarms = new Set<AlarmCode>();
  const warnings: string[] = [];
  const device: DeviceStatus = { powerSource: String(data.type_power) };
  if (typeof data.battery_pct === 'number') device.batteryPercent = data.battery_pct;
  if (typeof data.sn === 'number') device.serial = String(data.sn);
  const meters = new Set<string>();
  for (const f of frames) {
    const at = String(f.frame_isotime);
    if (f.type === 'device_info') {
      device.firmware = String(f.version);
      device.model = String(f.model_name);
    } else if (f.type === 'MBUS') {
      meters.add(String(f.meter_serial_number));
      if (f.status === 'any_application_error') alarms.add('hardware_error');
      for (const m of mbusMeasurements(bytes, f, at, warnings)) measurements.push(m);
    } else {
      inputMeasurements(f, at, alarms, measurements);
    }
  }
  if (meters.size === 1) device.meterId = [...meters][0];
  return { measurements, alarms: [...alarms], device, warnings };
}
