import type { JsonValue } from '../../types';

/**
 * The VIF table of IoT Factory's M-Bus gateway decoder: code -> [code, multiplier, unit, name].
 * Codes 0x00-0x7F are primary VIFs, 0x100 + n the FD extension table, 0x200 + n the FB one.
 * Its text is kept as it is (the Fahrenheit units read "В°F", FD 0x19 is named "кeserved",
 * FB 0x79 repeats 10^-3), because these arrays are printed in the decoder's output. Unknown
 * codes print as [code, 1, "", "unknown"].
 */
export type UnitEntry = [number, number, string, string];

const table = new Map<number, UnitEntry>();
const put = (code: number, mul: number, unit: string, name: string) => table.set(code, [code, mul, unit, name]);
/** Consecutive codes with multipliers 10^first, 10^(first+1), ... (as the literal 1.0eN). */
const run = (from: number, count: number, first: number, unit: string, name: string) => {
  for (let k = 0; k < count; k++) put(from + k, Number(`1e${first + k}`), unit, name);
};
const times = (from: number, muls: number[], unit: string, name: string) => muls.forEach((m, k) => put(from + k, m, unit, name));
const reserved = (from: number, to: number) => {
  for (let c = from; c <= to; c++) put(c, 1, 'Reserved', 'reserved');
};
const DHMS = [1, 60, 3600, 86400];
const MONTH = 2629743.83;
const YEAR = 31556926;
const FAHRENHEIT = '\u0412\u00b0F';

run(0x00, 8, -3, 'Wh', 'energy');
run(0x08, 8, 0, 'J', 'energy');
run(0x10, 8, -6, 'm^3', 'volume');
run(0x18, 8, -3, 'kg', 'mass');
times(0x20, DHMS, 's', 'on_time');
times(0x24, DHMS, 's', 'operating_time');
run(0x28, 8, -3, 'W', 'power');
run(0x30, 8, 0, 'J/h', 'power');
run(0x38, 8, -6, 'm^3/h', 'volume_flow');
run(0x40, 8, -7, 'm^3/min', 'volume_flow');
run(0x48, 8, -9, 'm^3/s', 'volume_flow');
run(0x50, 8, -3, 'kg/h', 'mass_flow');
run(0x58, 4, -3, '°C', 'flow_temperature');
run(0x5c, 4, -3, '°C', 'return_temperature');
run(0x60, 4, -3, 'K', 'temperature_difference');
run(0x64, 4, -3, '°C', 'external_temperature');
run(0x68, 4, -3, 'bar', 'Pressure');
put(0x6c, 1, '-', 'time_point_date');
put(0x6d, 1, '-', 'time_point_date_time');
put(0x6e, 1, 'Units for H.C.A.', 'H_C_A');
put(0x6f, 0, 'Reserved', 'reserved');
times(0x70, DHMS, 's', 'averaging_duration');
times(0x74, DHMS, 's', 'averaging_duration');
put(0x78, 1, '', 'fabrication_no');
put(0x79, 1, '', 'enhanced_identification');
put(0x7a, 1, '', 'bus_address');
put(0x7e, 1, '', 'any_vif');
put(0x7f, 1, '', 'manufacturer_specific');
put(0xfe, 1, '', 'Any VIF');
put(0xff, 1, '', 'manufacturer_specific');

// FD table (0x100 + code).
run(0x100, 4, -3, 'Currency units', 'credit');
run(0x104, 4, -3, 'Currency units', 'debit');
[
  'access_number_transmission_count', 'device_type', 'manufacturer', 'parameter_set_identification', 'device_type',
  'hardware_version', 'firmware_version', 'software_version', 'customer_location', 'customer', 'access_code_user',
  'access_code_operator', 'access_code_system_operator', 'access_code_developer', 'password', 'error_flags', 'error_mask',
].forEach((name, k) => put(0x108 + k, 1, '', name));
put(0x119, 1, 'Reserved', '\u043aeserved');
put(0x11a, 1, '', 'digital_output');
put(0x11b, 1, '', 'digital_input');
put(0x11c, 1, 'Baud', 'baudrate');
put(0x11d, 1, 'Bittimes', 'response_delay_time');
put(0x11e, 1, '', 'retry');
reserved(0x11f, 0x11f);
put(0x120, 1, '', 'first_storage_for cyclic storage');
put(0x121, 1, '', 'last_storage_for_cyclic_storage');
put(0x122, 1, '', 'size_of_storage_block');
reserved(0x123, 0x123);
times(0x124, [...DHMS, MONTH, YEAR], 's', 'storage_interval');
reserved(0x12a, 0x12b);
times(0x12c, DHMS, 's', 'duration_since_last_readout');
reserved(0x130, 0x130);
times(0x131, [60, 3600, 86400], 's', 'storage_interval');
times(0x134, [...DHMS, MONTH, YEAR], 's', 'period_of_tariff');
put(0x13a, 1, '', 'dimensionless');
reserved(0x13b, 0x13f);
run(0x140, 16, -9, 'V', 'voltage');
run(0x150, 16, -12, 'A', 'current');
[
  'reset_counter', 'cumulation_counter', 'control_signal', 'day_of_week', 'week_number', 'time_point_of_day_change',
  'state_of_parameter_activation', 'special_supplier_information',
].forEach((name, k) => put(0x160 + k, 1, '', name));
times(0x168, [3600, 86400, MONTH, YEAR], 's', 'duration_since_last_cumulation');
times(0x16c, [3600, 86400, MONTH, YEAR], 's', 'operating_time battery');
put(0x170, 1, '', 'date_and_time_of_battery_change');
reserved(0x171, 0x17f);

// FB table (0x200 + code).
run(0x200, 2, 5, 'Wh', 'energy');
reserved(0x202, 0x207);
run(0x208, 2, 8, 'Reserved', 'energy');
reserved(0x20a, 0x20f);
run(0x210, 2, 2, 'm^3', 'volume');
reserved(0x212, 0x217);
run(0x218, 2, 5, 'kg', 'mass');
reserved(0x21a, 0x220);
put(0x221, 1e-1, 'feet^3', 'volume');
put(0x222, 1e-1, 'American gallon', 'volume');
put(0x223, 1, 'American gallon', 'volume');
put(0x224, 1e-3, 'American gallon/min', 'volume_flow');
put(0x225, 1, 'American gallon/min', 'volume_flow');
put(0x226, 1, 'American gallon/h', 'volume_flow');
reserved(0x227, 0x227);
run(0x228, 2, 5, 'W', 'power');
reserved(0x22a, 0x22f);
run(0x230, 2, 8, 'J', 'power');
reserved(0x232, 0x257);
run(0x258, 4, -3, FAHRENHEIT, 'flow_temperature');
run(0x25c, 4, -3, FAHRENHEIT, 'return_temperature');
run(0x260, 4, -3, FAHRENHEIT, 'temperature_difference');
run(0x264, 4, -3, FAHRENHEIT, 'external_temperature');
reserved(0x268, 0x26f);
run(0x270, 4, -3, FAHRENHEIT, 'cold_or_warm_temperature_limit');
run(0x274, 4, -3, '°C', 'cold_or_warm_temperature_limit');
times(0x278, [1e-3, 1e-3, 1e-1, 1, 10, 100, 1000, 10000], 'W', 'cumul_count_max_power');
put(0xffff, 0, '', '');

export function findUnit(code: number): UnitEntry {
  return table.get(code) ?? [code, 1, '', 'unknown'];
}

export const unitJson = (u: UnitEntry): JsonValue[] => [...u];
