import type { JsonObject } from '../../types';
import type { FrameParser } from './frames';
import { reasonOf, timedHead } from './frames';
import { isoString } from '../iso-time';

/**
 * Metering and sensor frames of IoT Factory's generic decoder (vendor/iot-factory/
 * generic-decoder.js): inputs of the metering node (analog, digital, pulse counter, 4-20 mA),
 * temperature, humidity, illuminance, waste level, Modbus and RS-485 readouts, leak-detection
 * cable (ODK) and guard inputs. Field names, reasons and out-of-range markers are the vendor's.
 */
const REGULAR = { 0: 'regular' };
const REGULAR_ALARM = { 0: 'regular', 1: 'alarm' };
const NORMAL_ALARM = { 0: 'normal', 1: 'alarm' };

/** Input frames below are built in one literal (timedHead's keys, then theirs): no property added one at a time. */
const INPUT_STATUS = ['ok', 'overvoltage', 'no_sensor', 'input_error'];
const PIN_STATE = ['low', 'high'];

const head = (type: string, reason: number, names: Readonly<Record<number, string>>): JsonObject => ({ type, reason: reasonOf(reason, names) });

export const analogInput: FrameParser = (r, reason) => {
  const t = r.u32('frame time');
  return {
    type: 'analog_input',
    reason: reasonOf(reason, REGULAR_ALARM),
    frame_unixtime: t,
    frame_isotime: isoString(t * 1000),
    pin_number: r.u8('pin'),
    mV: r.u32('mV'),
    input_status: INPUT_STATUS[r.u8('input status')] ?? 'unknown',
  };
};

export const digitalInput: FrameParser = (r, reason) => {
  const t = r.u32('frame time');
  return {
    type: 'digital_input',
    reason: reasonOf(reason, REGULAR_ALARM),
    frame_unixtime: t,
    frame_isotime: isoString(t * 1000),
    pin_number: r.u8('pin'),
    pin_state: PIN_STATE[r.u8('pin state')] ?? 'unknown',
  };
};

export const pulseCounter: FrameParser = (r, reason) => {
  const t = r.u32('frame time');
  return { type: 'pulse_counter', reason: reasonOf(reason, REGULAR), frame_unixtime: t, frame_isotime: isoString(t * 1000), pin_number: r.u8('pin'), counter: r.u32('counter') };
};

/** 4-20 mA: the sensor number comes before the time in this frame. */
export const current420: FrameParser = (r, reason) => {
  const f = head('4_20mA', reason, REGULAR_ALARM);
  f.number_sensor = r.u8('sensor');
  Object.assign(f, r.time());
  f.mA = r.u32('mA');
  return f;
};

export const temperature: FrameParser = (r, reason) => {
  const t = r.u32('frame time');
  return {
    type: 'temperature',
    reason: reasonOf(reason, REGULAR_ALARM),
    frame_unixtime: t,
    frame_isotime: isoString(t * 1000),
    number_sensor: r.u8('sensor'),
    temperature_cel: r.i16('temperature') / 10,
  };
};

export const humidity: FrameParser = (r, reason) => {
  const f = timedHead(r, 'humidity', reason, REGULAR);
  const h = r.u16('humidity');
  f.humidity_pct = h > 1000 ? 'unknown' : h / 10;
  return f;
};

export const illuminance: FrameParser = (r, reason) => {
  const f = timedHead(r, 'illuminance', reason, REGULAR);
  f.illuminance_lex = r.u16('illuminance');
  return f;
};

export const wasteSensor: FrameParser = (r, reason) => {
  const f = timedHead(r, 'waste_sensor', reason, { 0: 'regular', 1: 'waste_flush', 2: 'temperature_alarm', 3: 'open_alarm' });
  f.position = ['horizontally', 'vertically'][r.u8('position')] ?? 'unknown';
  const upper = r.u16('upper distance');
  f.distance_upper_sensor_cm = upper > 300 ? 'unknown' : upper;
  const side = r.u16('side distance');
  f.distance_side_sensor_cm = side > 300 ? 'unknown' : side;
  f.temperature_cel = r.i8('temperature');
  f.waste_pct = r.u8('waste level');
  return f;
};

export const modbus: FrameParser = (r, reason) => {
  const f = timedHead(r, 'modbus', reason, REGULAR_ALARM);
  f.name = r.ascii(8, 'name');
  f.slave_address = r.u8('slave address');
  f.register_address = r.u16('register address');
  f.modbus_function = ['read_coil_status', 'read_discrete_inputs', 'read_hlding_registers', 'input_registers'][r.u8('function')] ?? 'unknown';
  const count = r.u8('register counter');
  f.register_counter = count > 4 ? 'unknown' : count;
  f.signed_flag = ['unsigned', 'signed'][r.u8('signed flag')] ?? 'unknown';
  f.register_value = r.hexReversed(8, 'register value');
  return f;
};

export const rs485: FrameParser = (r, reason) => {
  const f = timedHead(r, 'rs485', reason, REGULAR);
  f.measurement_row_number = r.u8('row');
  f.command_number_row = r.u8('command');
  const size = r.u8('answer size');
  f.size_answer = size;
  f.answer = r.hexReversed(size, 'answer');
  return f;
};

const ODK_STATES = ['NORMAL1', 'NORMAL2', 'NORMAL3', 'NORMAL4', 'NORMAL5', 'WET', 'BREAK', 'WET_BREAK', 'UNKNOWN'];

/** ODK: a leak-detection cable channel with its state and resistances. */
export const odk: FrameParser = (r, reason) => {
  const f = timedHead(r, 'ODK', reason, REGULAR_ALARM);
  f.channel_number = r.u8('channel');
  f.state = ODK_STATES[r.u8('state')] ?? 'unknown';
  for (const key of ['current_resistance', 'min_resistance', 'max_resistance', 'middle_resistance', 'current_conduct_resistance']) {
    f[key] = r.u32(key);
  }
  return f;
};

export const guard: FrameParser = (r, reason) => {
  const f = timedHead(r, 'guard', reason, NORMAL_ALARM);
  f.pin_number = r.u8('pin');
  f.pin_status = ['close', 'open'][r.u8('pin status')] ?? 'unknown';
  return f;
};
