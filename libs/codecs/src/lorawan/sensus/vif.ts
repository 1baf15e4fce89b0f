/**
 * The VIF table of Sensus' iPERL decoder (vendor/sensus/iperl-oms.js, a Kotlin/JS build): each
 * entry is [code, mask, vifType, base unit, exponent offset]. A VIF value is the VIF byte with its
 * VIFEs packed little-endian above it (FD 17 -> 0x17FD); for primary VIFs only the low 7 bits
 * count. The exponent is the masked-off low bits plus the offset (VIF 0x13 -> M3, 10^-3).
 * Names are the decoder's own (they appear in its output as `vifType`, `unit`, `symbol`).
 */
export const BASE_UNITS = {
  NO_UNIT: null,
  WATT: 'W',
  MEGA_WATT: 'MW',
  WATT_HOUR: 'W*h',
  KILO_JOULE: 'kJ',
  GIGA_JOULE_HOUR: 'GJ/h',
  KILO_JOULE_HOUR: 'kJ/h',
  M3: 'm^3',
  M3_HOUR: 'm^3/h',
  M3_SEC: 'm^3/s',
  M3_MIN: 'm^3/min',
  US_GALLON: 'gal',
  US_GALLON_HOUR: 'gal/h',
  CUBIC_FOOT: 'ft^3',
  KILO_GRAM: 'kg',
  KILO_GRAM_SEC: 'kg/s',
  TIME: null,
  DATETIME: null,
  CELSIUS: '°C',
  KELVIN: 'K',
  FAHRENHEIT: '°F',
  BAR: 'bar',
  CURRENCY: '$',
  VOLTS: 'V',
  AMPERS: 'A',
} as const;
export type BaseUnit = keyof typeof BASE_UNITS;

type Entry = readonly [code: number, mask: number, type: string, unit: BaseUnit, exponent: number];

const P = (m: number) => 0xff00 | m; // primary: high byte must be 0
const FD = (n: number) => (n << 8) | 0xfd;
const FB = (n: number) => (n << 8) | 0xfb;
const X = (m: number) => (m << 8) | 0xff; // extension tables: mask on the VIFE, low byte exact

const FD_PLAIN: ReadonlyArray<[number, string]> = [
  [8, 'ACCESS_NUMBER'], [9, 'MEDIUM'], [10, 'MANUFACTURER'], [11, 'PARAM_SET_ID'], [12, 'MODEL_VERSION'],
  [13, 'HW_VERSION'], [14, 'FIRMWARE_VERSION'], [15, 'SW_VERSION'], [16, 'CUSTOMER_LOCATION'], [17, 'CUSTOMER'],
  [18, 'ACCESS_CODE_USER'], [19, 'ACCESS_CODE_OPERATOR'], [20, 'ACCESS_CODE_SYS_OPERATOR'], [21, 'ACCESS_CODE_DEVELOPER'],
  [22, 'PASSWORD'], [23, 'ERROR_FLAGS'], [24, 'ERROR_MASK'], [26, 'DIGITAL_OUTPUT'], [27, 'DIGITAL_INPUT'],
  [28, 'BAUD_RATE'], [29, 'RESP_DELAY_TIME'], [30, 'RETRY'], [32, 'FIRST_STORAGE'], [33, 'LAST_STORAGE'],
  [34, 'SIZE_STORAGE_BLOCK'],
];
const FD_PLAIN_2: ReadonlyArray<[number, string]> = [
  [96, 'RESET_COUNTER'], [97, 'CUMULATIVE_COUNTER'], [98, 'CONTROL_SIGNAL'], [99, 'DAY_OF_WEEK'], [100, 'WEEK_NUMBER'],
  [101, 'TIME_POINT_DAY_CHANGE'], [102, 'STATE_PAR_ACTIVATION'], [103, 'SPECIAL_SUP_INFORMATION'],
];

const TABLE: readonly Entry[] = [
  [0, P(0xf8), 'ENERGY', 'WATT_HOUR', -3],
  [8, P(0xf8), 'ENERGY', 'KILO_JOULE', -3],
  [16, P(0xf8), 'VOLUME', 'M3', -6],
  [24, P(0xf8), 'MASS', 'KILO_GRAM', -3],
  [32, P(0xfc), 'ON_TIME', 'TIME', 0],
  [36, P(0xfc), 'OPERATING_TIME', 'TIME', 0],
  [40, P(0xf8), 'POWER', 'WATT', -3],
  [48, P(0xf8), 'POWER', 'KILO_JOULE_HOUR', -3],
  [56, P(0xf8), 'VOLUME_FLOW', 'M3_HOUR', -6],
  [64, P(0xf8), 'VOLUME_FLOW_EXT', 'M3_MIN', -7],
  [72, P(0xf8), 'VOLUME_FLOW_EXT', 'M3_SEC', -9],
  [80, P(0xf8), 'MASS_FLOW', 'KILO_GRAM_SEC', -3],
  [88, P(0xfc), 'FLOW_TEMPERATURE', 'CELSIUS', -3],
  [92, P(0xfc), 'RETURN_TEMPERATURE', 'CELSIUS', -3],
  [96, P(0xfc), 'TEMPERATURE_DIFF', 'KELVIN', -3],
  [100, P(0xfc), 'EXTERNAL_TEMPERATURE', 'CELSIUS', -3],
  [104, P(0xfc), 'PRESSURE', 'BAR', -3],
  [108, P(0xff), 'TIME_POINT', 'DATETIME', 0],
  [109, P(0xff), 'TIME_POINT', 'DATETIME', 0],
  [110, P(0xff), 'UNITS_HCA', 'NO_UNIT', 0],
  [112, P(0xfc), 'AVG_DURATION', 'TIME', 0],
  [116, P(0xfc), 'ACTUAL_DURATION', 'TIME', 0],
  [120, P(0xff), 'FABRICATION', 'NO_UNIT', 0],
  [121, P(0xff), 'IDENTIFICATION', 'NO_UNIT', 0],
  [122, P(0xff), 'BUS_ADDRESS', 'NO_UNIT', 0],
  [FD(0), X(0xfc), 'CREDIT', 'CURRENCY', -3],
  [FD(4), X(0xfc), 'DEBIT', 'CURRENCY', -3],
  ...FD_PLAIN.map(([n, type]): Entry => [FD(n), X(0xff), type, 'NO_UNIT', 0]),
  [FD(36), X(0xfc), 'STORAGE_INTERVAL', 'TIME', 0],
  [FD(40), X(0xff), 'STORAGE_INTERVAL_MONTHS', 'NO_UNIT', 0],
  [FD(41), X(0xff), 'STORAGE_INTERVAL_YEARS', 'NO_UNIT', 0],
  [FD(44), X(0xfc), 'DURATION_SINCE_READOUT', 'TIME', 0],
  [FD(48), X(0xff), 'START_OF_TARIFF', 'DATETIME', 0],
  [FD(48), X(0xfc), 'DURATION_OF_TARIFF', 'TIME', 0],
  [FD(52), X(0xfc), 'PERIOD_OF_TARIFF', 'TIME', 0],
  [FD(56), X(0xff), 'PERIOD_OF_TARIFF_MONTHS', 'NO_UNIT', 0],
  [FD(57), X(0xff), 'PERIOD_OF_TARIFF_YEARS', 'NO_UNIT', 0],
  [FD(58), X(0xff), 'DIMENSIONLESS', 'NO_UNIT', 0],
  [FD(64), X(0xf0), 'VOLTS', 'VOLTS', -9],
  [FD(80), X(0xf0), 'AMPERS', 'AMPERS', -12],
  ...FD_PLAIN_2.map(([n, type]): Entry => [FD(n), X(0xff), type, 'NO_UNIT', 0]),
  [FD(104), X(0xfc), 'DURATION_SINCE_LAST_CUM', 'TIME', 2],
  [FD(108), X(0xfc), 'OPERATING_TIME_BATTERY', 'TIME', 2],
  [FD(112), X(0xff), 'DATE_TIME_BATTERY_CHANGE', 'NO_UNIT', 0],
  [FD(116), X(0xfc), 'REMAINING_BATTERY_LIFE_TIME', 'TIME', 3],
  [FB(0), X(0xfe), 'ENERGY', 'WATT_HOUR', 5],
  [FB(8), X(0xfe), 'ENERGY', 'KILO_JOULE', 5],
  [FB(16), X(0xfe), 'VOLUME', 'M3', 8],
  [FB(24), X(0xfe), 'MASS', 'KILO_GRAM', 5],
  [FB(33), X(0xff), 'VOLUME', 'CUBIC_FOOT', -1],
  [FB(34), X(0xfe), 'VOLUME', 'US_GALLON', -1],
  [FB(36), X(0xff), 'VOLUME', 'US_GALLON', -3],
  [FB(37), X(0xff), 'VOLUME', 'US_GALLON', 0],
  [FB(38), X(0xff), 'VOLUME', 'US_GALLON_HOUR', 0],
  [FB(40), X(0xfe), 'POWER', 'MEGA_WATT', 5],
  [FB(48), X(0xfe), 'POWER', 'GIGA_JOULE_HOUR', 8],
  [FB(88), X(0xfc), 'FLOW_TEMPERATURE', 'FAHRENHEIT', -3],
  [FB(92), X(0xfc), 'RETURN_TEMPERATURE', 'FAHRENHEIT', -3],
  [FB(96), X(0xfc), 'TEMPERATURE_DIFF', 'FAHRENHEIT', -3],
  [FB(100), X(0xfc), 'EXTERNAL_TEMPERATURE', 'FAHRENHEIT', -3],
  [FB(112), X(0xfc), 'TEMPERATURE_LIMIT', 'FAHRENHEIT', -3],
  [FB(116), X(0xfc), 'TEMPERATURE_LIMIT', 'CELSIUS', -3],
  [FB(120), X(0xf8), 'CUMULATIVE_MAX_POWER', 'WATT', -3],
];

export interface VifUnit {
  type: string;
  unit: BaseUnit;
  exponent: number;
}

const EXTENSIONS = new Set([0xfd, 0xfb, 0xff, 0xfe, 0xfc]);

/** Answers of lookupVif by VIF (the units are never changed, so records may share them). */
const LOOKED_UP = new Map<number, VifUnit>();

/** The decoder's VIF lookup; an unknown code is MAN_SPECIFIC without unit. */
export function lookupVif(vif: number): VifUnit {
  let unit = LOOKED_UP.get(vif);
  if (unit === undefined) {
    unit = findVif(vif);
    if (LOOKED_UP.size >= 4096) LOOKED_UP.clear();
    LOOKED_UP.set(vif, unit);
  }
  return unit;
}

function findVif(vif: number): VifUnit {
  let n = vif & 0x7fff;
  if (!EXTENSIONS.has(n & 0xff)) n &= 0x7f;
  for (const [code, mask, type, unit, offset] of TABLE) {
    if ((n & mask) !== code) continue;
    let low = n & ~mask & 0xffff;
    if (low > 15) low >>= 8;
    return { type, unit, exponent: low + offset };
  }
  return { type: 'MAN_SPECIFIC', unit: 'NO_UNIT', exponent: 0 };
}
