import type { CanonicalUnit } from '../types';
import { pow10 } from '../pow';

/**
 * EN 13757-3 value information tables (primary VIF, the 0xFD and 0xFB extension tables) and the
 * combinable (orthogonal) VIFE table, precomputed once into flat arrays indexed by the 7-bit code.
 *
 * Every numeric entry converts the raw integer to the canonical unit with `raw * mul / div`
 * (two factors so that decimal scalings divide by an exact power of ten: 1234 / 1000 = 1.234,
 * whereas 1234 * 0.001 = 1.2340000000000002).
 */

export type VifKind =
  /** A measured or counted number in `unit`. */
  | 'number'
  /** Date, type G (or F/I when the data field is longer). */
  | 'date'
  /** Date and time: type F (32 bit), I (48 bit), or J (24 bit, time only). */
  | 'datetime'
  /** An identifier or version kept as its digits / text (fabrication no, firmware...). */
  | 'id'
  /** A bit field (error flags, digital in/out). */
  | 'flags'
  /** Unknown, reserved or manufacturer meaning: the raw value is kept, no unit. */
  | 'raw';

export interface VifInfo {
  /** snake_case quantity name, e.g. `volume`, `flow_temperature`, `error_flags`. */
  readonly quantity: string;
  readonly unit: CanonicalUnit;
  readonly mul: number;
  readonly div: number;
  readonly kind: VifKind;
  /** Human description with the native unit, e.g. "Volume (10^-3 m3)". */
  readonly description: string;
  /** Temperatures in degrees Fahrenheit need an offset as well as a factor. */
  readonly fahrenheit?: boolean;
  /** A count that is never negative (access number, counters): binary data read unsigned. */
  readonly unsigned?: boolean;
}


/** mul/div pair for a power-of-ten scaling: exact division for negative exponents. */
function scale(exp: number, extraMul = 1, extraDiv = 1): [number, number] {
  return exp >= 0 ? [pow10(exp) * extraMul, extraDiv] : [extraMul, pow10(-exp) * extraDiv];
}

function num(quantity: string, unit: CanonicalUnit, exp: number, description: string, extraMul = 1, extraDiv = 1): VifInfo {
  const [mul, div] = scale(exp, extraMul, extraDiv);
  return { quantity, unit, mul, div, kind: 'number', description };
}

function other(quantity: string, kind: VifKind, description: string, unit: CanonicalUnit = ''): VifInfo {
  return { quantity, unit, mul: 1, div: 1, kind, description };
}

const RESERVED = other('reserved', 'raw', 'Reserved VIF');

const TIME_UNITS = ['s', 'min', 'h', 'd'] as const;
const TIME_SECONDS = [1, 60, 3600, 86400];
/** Durations in hours..years (0xFD 0x68-0x6F). A month is 1/12 of a 365.2425-day year. */
const LONG_TIME_UNITS = ['h', 'd', 'month', 'year'] as const;
const LONG_TIME_SECONDS = [3600, 86400, 2629746, 31556952];

function duration(quantity: string, nn: number, description: string): VifInfo {
  return { quantity, unit: 's', mul: TIME_SECONDS[nn], div: 1, kind: 'number', description: `${description} (${TIME_UNITS[nn]})` };
}
function longDuration(quantity: string, pp: number, description: string): VifInfo {
  return {
    quantity,
    unit: 's',
    mul: LONG_TIME_SECONDS[pp],
    div: 1,
    kind: 'number',
    description: `${description} (${LONG_TIME_UNITS[pp]})`,
  };
}

function buildPrimary(): VifInfo[] {
  const t: VifInfo[] = new Array<VifInfo>(128).fill(RESERVED);
  for (let n = 0; n < 8; n++) {
    // Energy 10^(n-3) Wh -> kWh
    t[0x00 + n] = num('energy', 'kWh', n - 6, `Energy (10^${n - 3} Wh)`);
    // Energy 10^n J -> kWh (1 kWh = 3.6e6 J)
    t[0x08 + n] = num('energy', 'kWh', n, `Energy (10^${n} J)`, 1, 3.6e6);
    t[0x10 + n] = num('volume', 'm3', n - 6, `Volume (10^${n - 6} m3)`);
    t[0x18 + n] = num('mass', 'kg', n - 3, `Mass (10^${n - 3} kg)`);
    t[0x28 + n] = num('power', 'W', n - 3, `Power (10^${n - 3} W)`);
    t[0x30 + n] = num('power', 'W', n, `Power (10^${n} J/h)`, 1, 3600);
    t[0x38 + n] = num('volume_flow', 'm3/h', n - 6, `Volume flow (10^${n - 6} m3/h)`);
    t[0x40 + n] = num('volume_flow', 'm3/h', n - 7, `Volume flow (10^${n - 7} m3/min)`, 60);
    t[0x48 + n] = num('volume_flow', 'm3/h', n - 9, `Volume flow (10^${n - 9} m3/s)`, 3600);
    t[0x50 + n] = num('mass_flow', 'kg/h', n - 3, `Mass flow (10^${n - 3} kg/h)`);
  }
  for (let nn = 0; nn < 4; nn++) {
    t[0x20 + nn] = duration('on_time', nn, 'On time');
    t[0x24 + nn] = duration('operating_time', nn, 'Operating time');
    t[0x58 + nn] = num('flow_temperature', 'degC', nn - 3, `Flow temperature (10^${nn - 3} degC)`);
    t[0x5c + nn] = num('return_temperature', 'degC', nn - 3, `Return temperature (10^${nn - 3} degC)`);
    t[0x60 + nn] = num('temperature_difference', 'K', nn - 3, `Temperature difference (10^${nn - 3} K)`);
    t[0x64 + nn] = num('external_temperature', 'degC', nn - 3, `External temperature (10^${nn - 3} degC)`);
    t[0x68 + nn] = num('pressure', 'bar', nn - 3, `Pressure (10^${nn - 3} bar)`);
    t[0x70 + nn] = duration('averaging_duration', nn, 'Averaging duration');
    t[0x74 + nn] = duration('actuality_duration', nn, 'Actuality duration');
  }
  t[0x6c] = other('date', 'date', 'Time point: date (type G)');
  t[0x6d] = other('datetime', 'datetime', 'Time point: date and time (type F/I/J)');
  t[0x6e] = { quantity: 'hca', unit: 'hca', mul: 1, div: 1, kind: 'number', description: 'Units for heat cost allocator' };
  t[0x78] = other('fabrication_no', 'id', 'Fabrication number');
  t[0x79] = other('enhanced_id', 'id', 'Enhanced identification');
  t[0x7a] = other('bus_address', 'id', 'Bus address');
  t[0x7c] = other('plain_text_unit', 'raw', 'Plain-text VIF');
  t[0x7e] = other('any_vif', 'raw', 'Any VIF (readout selection)');
  return t;
}

function buildFD(): VifInfo[] {
  const t: VifInfo[] = new Array<VifInfo>(128).fill(RESERVED);
  for (let nn = 0; nn < 4; nn++) {
    t[0x00 + nn] = num('credit', '', nn - 3, `Credit (10^${nn - 3} currency units)`);
    t[0x04 + nn] = num('debit', '', nn - 3, `Debit (10^${nn - 3} currency units)`);
    t[0x24 + nn] = duration('storage_interval', nn, 'Storage interval');
    t[0x2c + nn] = duration('duration_since_readout', nn, 'Duration since last readout');
    t[0x34 + nn] = duration('period_of_tariff', nn, 'Period of tariff');
    t[0x3c + nn] = duration('transmission_period', nn, 'Period of nominal data transmissions');
    t[0x68 + nn] = longDuration('duration_since_cumulation', nn, 'Duration since last cumulation');
    t[0x6c + nn] = longDuration('battery_operating_time', nn, 'Operating time battery');
  }
  for (let nn = 1; nn < 4; nn++) t[0x30 + nn] = duration('duration_of_tariff', nn, 'Duration of tariff');
  t[0x08] = { ...other('access_number', 'number', 'Access number (transmission count)', 'count'), unsigned: true };
  t[0x09] = other('medium', 'id', 'Medium (as in fixed header)');
  t[0x0a] = other('manufacturer', 'id', 'Manufacturer (as in fixed header)');
  t[0x0b] = other('parameter_set', 'id', 'Parameter set identification');
  t[0x0c] = other('model_version', 'id', 'Model / version');
  t[0x0d] = other('hardware_version', 'id', 'Hardware version');
  t[0x0e] = other('firmware_version', 'id', 'Metrology (firmware) version');
  t[0x0f] = other('software_version', 'id', 'Other software version');
  t[0x10] = other('customer_location', 'id', 'Customer location');
  t[0x11] = other('customer', 'id', 'Customer');
  t[0x12] = other('access_code_user', 'raw', 'Access code user');
  t[0x13] = other('access_code_operator', 'raw', 'Access code operator');
  t[0x14] = other('access_code_system_operator', 'raw', 'Access code system operator');
  t[0x15] = other('access_code_developer', 'raw', 'Access code developer');
  t[0x16] = other('password', 'raw', 'Password');
  t[0x17] = other('error_flags', 'flags', 'Error flags (binary)');
  t[0x18] = other('error_mask', 'flags', 'Error mask');
  t[0x19] = other('security_key', 'raw', 'Security key');
  t[0x1a] = other('digital_output', 'flags', 'Digital output (binary)');
  t[0x1b] = other('digital_input', 'flags', 'Digital input (binary)');
  t[0x1c] = { ...other('baud_rate', 'number', 'Baud rate'), unit: '', unsigned: true };
  t[0x1d] = { ...other('response_delay', 'number', 'Response delay time (bit times)'), unit: '', unsigned: true };
  t[0x1e] = { ...other('retry', 'number', 'Retry'), unit: 'count', unsigned: true };
  t[0x1f] = other('remote_control', 'raw', 'Remote control (device specific)');
  t[0x20] = { ...other('first_storage_number', 'number', 'First storage number for cyclic storage'), unit: 'count' };
  t[0x21] = { ...other('last_storage_number', 'number', 'Last storage number for cyclic storage'), unit: 'count' };
  t[0x22] = { ...other('storage_block_size', 'number', 'Size of storage block'), unit: 'count' };
  t[0x23] = other('tariff_subunit_descriptor', 'raw', 'Descriptor for tariff and subunit');
  t[0x28] = longDuration('storage_interval', 2, 'Storage interval');
  t[0x29] = longDuration('storage_interval', 3, 'Storage interval');
  t[0x2a] = other('operator_specific_data', 'raw', 'Operator specific data');
  t[0x2b] = { quantity: 'time_point_second', unit: 's', mul: 1, div: 1, kind: 'number', description: 'Time point second (0-59)' };
  t[0x30] = other('tariff_start', 'date', 'Start (date/time) of tariff');
  t[0x38] = longDuration('period_of_tariff', 2, 'Period of tariff');
  t[0x39] = longDuration('period_of_tariff', 3, 'Period of tariff');
  t[0x3a] = { quantity: 'dimensionless', unit: 'count', mul: 1, div: 1, kind: 'number', description: 'Dimensionless / no VIF' };
  t[0x3b] = other('wmbus_container', 'raw', 'Data container for wireless M-Bus protocol');
  for (let n = 0; n < 16; n++) {
    t[0x40 + n] = num('voltage', 'V', n - 9, `Voltage (10^${n - 9} V)`);
    t[0x50 + n] = num('current', 'A', n - 12, `Current (10^${n - 12} A)`);
  }
  t[0x60] = { quantity: 'reset_counter', unit: 'count', mul: 1, div: 1, kind: 'number', description: 'Reset counter', unsigned: true };
  t[0x61] = { quantity: 'cumulation_counter', unit: 'count', mul: 1, div: 1, kind: 'number', description: 'Cumulation counter', unsigned: true };
  t[0x62] = other('control_signal', 'raw', 'Control signal');
  t[0x63] = { quantity: 'day_of_week', unit: '', mul: 1, div: 1, kind: 'number', description: 'Day of week' };
  t[0x64] = { quantity: 'week_number', unit: '', mul: 1, div: 1, kind: 'number', description: 'Week number' };
  t[0x65] = other('day_change_time', 'raw', 'Time point of day change');
  t[0x66] = other('parameter_activation_state', 'raw', 'State of parameter activation');
  t[0x67] = other('special_supplier_information', 'raw', 'Special supplier information');
  t[0x70] = other('battery_change_date', 'date', 'Date and time of battery change');
  t[0x71] = { quantity: 'rf_level', unit: 'dBm', mul: 1, div: 1, kind: 'number', description: 'RF level (dBm)' };
  t[0x72] = other('daylight_saving', 'raw', 'Daylight saving (beginning, ending, deviation)');
  t[0x73] = other('listening_window', 'raw', 'Listening window management');
  t[0x74] = { quantity: 'remaining_battery_life', unit: 's', mul: 86400, div: 1, kind: 'number', description: 'Remaining battery life time (days)' };
  t[0x75] = { quantity: 'meter_stopped_count', unit: 'count', mul: 1, div: 1, kind: 'number', description: 'Number of times the meter was stopped', unsigned: true };
  t[0x76] = other('manufacturer_container', 'raw', 'Data container for manufacturer specific protocol');
  return t;
}

function buildFB(): VifInfo[] {
  const t: VifInfo[] = new Array<VifInfo>(128).fill(RESERVED);
  for (let n = 0; n < 2; n++) {
    t[0x00 + n] = num('energy', 'kWh', n + 2, `Energy (10^${n - 1} MWh)`);
    t[0x02 + n] = num('reactive_energy', 'kvarh', n, `Reactive energy (10^${n} kvarh)`);
    t[0x04 + n] = num('apparent_energy', 'kVAh', n, `Apparent energy (10^${n} kVAh)`);
    // 1 GJ = 277.777... kWh: 10^(n-1) GJ = 10^(n+8) J
    t[0x08 + n] = num('energy', 'kWh', n + 8, `Energy (10^${n - 1} GJ)`, 1, 3.6e6);
    t[0x10 + n] = num('volume', 'm3', n + 2, `Volume (10^${n + 2} m3)`);
    t[0x18 + n] = num('mass', 'kg', n + 5, `Mass (10^${n + 2} t)`);
    t[0x1a + n] = num('relative_humidity', '%', n - 1, `Relative humidity (10^${n - 1} %)`);
    t[0x28 + n] = num('power', 'W', n + 5, `Power (10^${n - 1} MW)`);
    t[0x30 + n] = num('power', 'W', n + 8, `Power (10^${n - 1} GJ/h)`, 1, 3600);
  }
  for (let nn = 0; nn < 4; nn++) {
    // 1 Mcal = 4.1868 MJ = 1.163 kWh
    t[0x0c + nn] = num('energy', 'kWh', nn - 1, `Energy (10^${nn - 1} Mcal)`, 1163, 1000);
    t[0x14 + nn] = num('reactive_power', 'var', nn, `Reactive power (10^${nn - 3} kvar)`);
    t[0x2c + nn] = num('frequency', 'Hz', nn - 3, `Frequency (10^${nn - 3} Hz)`);
    t[0x34 + nn] = num('apparent_power', 'VA', nn, `Apparent power (10^${nn - 3} kVA)`);
    t[0x58 + nn] = { ...num('flow_temperature', 'degC', nn - 3, `Flow temperature (10^${nn - 3} degF)`), fahrenheit: true };
    t[0x5c + nn] = { ...num('return_temperature', 'degC', nn - 3, `Return temperature (10^${nn - 3} degF)`), fahrenheit: true };
    // A temperature difference in degF converts with 5/9 and no offset.
    t[0x60 + nn] = num('temperature_difference', 'K', nn - 3, `Temperature difference (10^${nn - 3} degF)`, 5, 9);
    t[0x64 + nn] = { ...num('external_temperature', 'degC', nn - 3, `External temperature (10^${nn - 3} degF)`), fahrenheit: true };
    t[0x70 + nn] = { ...num('temperature_limit', 'degC', nn - 3, `Cold/warm temperature limit (10^${nn - 3} degF)`), fahrenheit: true };
    t[0x74 + nn] = num('temperature_limit', 'degC', nn - 3, `Cold/warm temperature limit (10^${nn - 3} degC)`);
  }
  // 1 ft3 = 0.028316846592 m3; 1 US gallon = 0.003785411784 m3
  t[0x20] = num('volume', 'm3', 0, 'Volume (ft3)', 0.028316846592);
  t[0x21] = num('volume', 'm3', -1, 'Volume (0.1 ft3)', 0.028316846592);
  t[0x22] = num('volume', 'm3', -1, 'Volume (0.1 US gallon)', 0.003785411784);
  t[0x23] = num('volume', 'm3', 0, 'Volume (US gallon)', 0.003785411784);
  t[0x24] = num('volume_flow', 'm3/h', -3, 'Volume flow (0.001 US gallon/min)', 0.003785411784 * 60);
  t[0x25] = num('volume_flow', 'm3/h', 0, 'Volume flow (US gallon/min)', 0.003785411784 * 60);
  t[0x26] = num('volume_flow', 'm3/h', 0, 'Volume flow (US gallon/h)', 0.003785411784);
  t[0x2a] = num('phase_angle_u_u', '', -1, 'Phase U-U (0.1 degree)');
  t[0x2b] = num('phase_angle_u_i', '', -1, 'Phase U-I (0.1 degree)');
  for (let n = 0; n < 8; n++) t[0x78 + n] = num('cumulative_max_power', 'W', n - 3, `Cumulation count max power (10^${n - 3} W)`);
  return t;
}

/**
 * Every entry in one object shape (the optional flags present as booleans), so that the record
 * decoder reading `info.kind`, `info.mul`... sees one hidden class. Shared entries stay shared.
 */
const SHAPED = new Map<VifInfo, VifInfo>();
function shaped(i: VifInfo): VifInfo {
  let u = SHAPED.get(i);
  if (u === undefined) {
    u = { quantity: i.quantity, unit: i.unit, mul: i.mul, div: i.div, kind: i.kind, description: i.description, fahrenheit: i.fahrenheit === true, unsigned: i.unsigned === true };
    SHAPED.set(i, u);
  }
  return u;
}

export const PRIMARY_VIFS: readonly VifInfo[] = buildPrimary().map(shaped);
export const FD_VIFS: readonly VifInfo[] = buildFD().map(shaped);
export const FB_VIFS: readonly VifInfo[] = buildFB().map(shaped);
export const MANUFACTURER_VIF: VifInfo = shaped(other('manufacturer_specific', 'raw', 'Manufacturer specific VIF'));
export const PLAIN_TEXT_VIF: VifInfo = shaped(other('plain_text_unit', 'raw', 'Plain-text VIF'));

/** What a combinable (orthogonal) VIFE does to the record. */
export interface VifeInfo {
  readonly description: string;
  /** Suffix appended to the quantity (e.g. `_per_hour`), or a direction. */
  readonly effect?:
    | { type: 'register'; register: string }
    | { type: 'factor'; mul: number; div: number }
    | { type: 'offset'; exp: number }
    | { type: 'per'; suffix: string }
    | { type: 'quantity'; suffix: string }
    | { type: 'date_of'; suffix: string }
    | { type: 'compact_profile'; inverse: boolean; registers: boolean }
    | { type: 'error' };
}

function buildCombinable(): VifeInfo[] {
  const t: VifeInfo[] = new Array<VifeInfo>(128).fill({ description: 'reserved' });
  for (let i = 0x00; i <= 0x11; i++) t[i] = { description: 'record error / reserved', effect: { type: 'error' } };
  t[0x12] = { description: 'averaged', effect: { type: 'quantity', suffix: '_average' } };
  t[0x13] = { description: 'inverse compact profile', effect: { type: 'compact_profile', inverse: true, registers: false } };
  t[0x14] = { description: 'relative deviation', effect: { type: 'quantity', suffix: '_relative_deviation' } };
  for (let i = 0x15; i <= 0x1c; i++) t[i] = { description: 'record error code (meter to controller)', effect: { type: 'error' } };
  t[0x1d] = { description: 'standard conformant data content' };
  t[0x1e] = { description: 'compact profile with register numbers', effect: { type: 'compact_profile', inverse: false, registers: true } };
  t[0x1f] = { description: 'compact profile', effect: { type: 'compact_profile', inverse: false, registers: false } };
  const per = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'revolution'];
  per.forEach((p, i) => (t[0x20 + i] = { description: `per ${p}`, effect: { type: 'per', suffix: `_per_${p}` } }));
  t[0x28] = { description: 'increment per input pulse on channel 0', effect: { type: 'per', suffix: '_per_input_pulse_0' } };
  t[0x29] = { description: 'increment per input pulse on channel 1', effect: { type: 'per', suffix: '_per_input_pulse_1' } };
  t[0x2a] = { description: 'increment per output pulse on channel 0', effect: { type: 'per', suffix: '_per_output_pulse_0' } };
  t[0x2b] = { description: 'increment per output pulse on channel 1', effect: { type: 'per', suffix: '_per_output_pulse_1' } };
  const perUnit = ['litre', 'm3', 'kg', 'kelvin', 'kwh', 'gj', 'kw', 'kelvin_litre', 'volt', 'ampere'];
  perUnit.forEach((p, i) => (t[0x2c + i] = { description: `per ${p}`, effect: { type: 'per', suffix: `_per_${p}` } }));
  t[0x36] = { description: 'multiplied by s', effect: { type: 'per', suffix: '_times_s' } };
  t[0x37] = { description: 'multiplied by s/V', effect: { type: 'per', suffix: '_times_s_per_v' } };
  t[0x38] = { description: 'multiplied by s/A', effect: { type: 'per', suffix: '_times_s_per_a' } };
  t[0x39] = { description: 'start date(/time) of', effect: { type: 'date_of', suffix: '_start' } };
  t[0x3a] = { description: 'uncorrected unit', effect: { type: 'register', register: 'uncorrected' } };
  t[0x3b] = { description: 'accumulation only if positive contributions', effect: { type: 'register', register: 'forward' } };
  t[0x3c] = { description: 'accumulation of abs value only if negative contributions', effect: { type: 'register', register: 'reverse' } };
  t[0x3d] = { description: 'non-metric units' };
  t[0x3e] = { description: 'value at base conditions', effect: { type: 'register', register: 'base_conditions' } };
  t[0x3f] = { description: 'OBIS declaration' };
  t[0x40] = { description: 'lower limit value', effect: { type: 'quantity', suffix: '_lower_limit' } };
  t[0x48] = { description: 'upper limit value', effect: { type: 'quantity', suffix: '_upper_limit' } };
  t[0x41] = { description: 'number of exceeds of lower limit', effect: { type: 'quantity', suffix: '_lower_limit_exceeds' } };
  t[0x49] = { description: 'number of exceeds of upper limit', effect: { type: 'quantity', suffix: '_upper_limit_exceeds' } };
  for (const [code, text] of [
    [0x42, 'lower_first_begin'],
    [0x43, 'lower_first_end'],
    [0x46, 'lower_last_begin'],
    [0x47, 'lower_last_end'],
    [0x4a, 'upper_first_begin'],
    [0x4b, 'upper_first_end'],
    [0x4e, 'upper_last_begin'],
    [0x4f, 'upper_last_end'],
  ] as const) {
    t[code] = { description: `date/time of limit exceed (${text})`, effect: { type: 'date_of', suffix: `_limit_exceed_${text}` } };
  }
  for (let i = 0x50; i <= 0x5f; i++) {
    const u = i & 0x08 ? 'upper' : 'lower';
    const f = i & 0x04 ? 'last' : 'first';
    t[i] = { description: `duration of limit exceed (${u}, ${f}, ${TIME_UNITS[i & 3]})`, effect: { type: 'quantity', suffix: `_${u}_limit_exceed_duration_${f}` } };
  }
  for (let i = 0x60; i <= 0x67; i++) {
    const f = i & 0x04 ? 'last' : 'first';
    t[i] = { description: `duration of D (${f}, ${TIME_UNITS[i & 3]})`, effect: { type: 'quantity', suffix: `_duration_${f}` } };
  }
  t[0x68] = { description: 'value during lower limit exceed', effect: { type: 'quantity', suffix: '_during_lower_limit_exceed' } };
  t[0x69] = { description: 'leakage values', effect: { type: 'quantity', suffix: '_leakage' } };
  t[0x6c] = { description: 'value during upper limit exceed', effect: { type: 'quantity', suffix: '_during_upper_limit_exceed' } };
  t[0x6d] = { description: 'overflow values', effect: { type: 'quantity', suffix: '_overflow' } };
  t[0x6a] = { description: 'date/time of D (first, begin)', effect: { type: 'date_of', suffix: '_first_begin' } };
  t[0x6b] = { description: 'date/time of D (first, end)', effect: { type: 'date_of', suffix: '_first_end' } };
  t[0x6e] = { description: 'date/time of D (last, begin)', effect: { type: 'date_of', suffix: '_last_begin' } };
  t[0x6f] = { description: 'date/time of D (last, end)', effect: { type: 'date_of', suffix: '_last_end' } };
  for (let n = 0; n < 8; n++) {
    const [mul, div] = scale(n - 6);
    t[0x70 + n] = { description: `multiplicative correction factor 10^${n - 6}`, effect: { type: 'factor', mul, div } };
  }
  for (let nn = 0; nn < 4; nn++) {
    t[0x78 + nn] = { description: `additive correction constant 10^${nn - 3} x unit`, effect: { type: 'offset', exp: nn - 3 } };
  }
  t[0x7c] = { description: 'extension of combinable VIFE table' };
  t[0x7d] = { description: 'multiplicative correction factor 10^3', effect: { type: 'factor', mul: 1000, div: 1 } };
  t[0x7e] = { description: 'future value', effect: { type: 'quantity', suffix: '_future' } };
  t[0x7f] = { description: 'manufacturer specific VIFEs follow' };
  return t;
}

export const COMBINABLE_VIFES: readonly VifeInfo[] = buildCombinable();

/** The OMS extension of the combinable table (VIFE 0xFC followed by this code): phases, quadrants. */
export const COMBINABLE_EXTENSION_VIFES: ReadonlyMap<number, VifeInfo> = new Map<number, VifeInfo>([
  [0x01, { description: 'at phase L1', effect: { type: 'register', register: 'L1' } }],
  [0x02, { description: 'at phase L2', effect: { type: 'register', register: 'L2' } }],
  [0x03, { description: 'at phase L3', effect: { type: 'register', register: 'L3' } }],
  [0x04, { description: 'at neutral', effect: { type: 'register', register: 'N' } }],
  [0x05, { description: 'between phase L1 and L2', effect: { type: 'register', register: 'L1-L2' } }],
  [0x06, { description: 'between phase L2 and L3', effect: { type: 'register', register: 'L2-L3' } }],
  [0x07, { description: 'between phase L3 and L1', effect: { type: 'register', register: 'L3-L1' } }],
  [0x08, { description: 'at quadrant Q1', effect: { type: 'register', register: 'Q1' } }],
  [0x09, { description: 'at quadrant Q2', effect: { type: 'register', register: 'Q2' } }],
  [0x0a, { description: 'at quadrant Q3', effect: { type: 'register', register: 'Q3' } }],
  [0x0b, { description: 'at quadrant Q4', effect: { type: 'register', register: 'Q4' } }],
  [0x0c, { description: 'delta between import and export', effect: { type: 'register', register: 'import-export' } }],
  [0x10, { description: 'accumulation of absolute value', effect: { type: 'register', register: 'absolute' } }],
  [0x11, { description: 'data presented with type C' }],
  [0x12, { description: 'data presented with type D' }],
]);
