import type { AlarmCode } from '../../types';
import type { WmbusDriver } from './types';
import { dropMeasurements, mapKeys, mvt, statusFromKeys } from './util';

/**
 * Kamstrup MULTICAL 302/303/402/403/602/603/803 heat and cooling meters. Standard records plus
 * Kamstrup's manufacturer VIFs: FF07/FF08 forward/return energy (m3 x degC, "E8"/"E9"),
 * EE FF07/08 pulse inputs VA/VB, FF22 info (status) bits. Compact frames (CI 0x79) use the formats
 * listed below (each the DIF/VIF sequence of the model's full frame).
 * Sources: Kamstrup MULTICAL 403/603 technical descriptions (info codes), wmbusmeters kamheat.xmq.
 */
const INFO_BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x00000001, 'VOLTAGE_INTERRUPTED'],
  [0x00000002, 'LOW_BATTERY_LEVEL', 'low_battery'],
  [0x00000004, 'SENSOR_ERROR', 'sensor_error'],
  [0x00000008, 'SENSOR_T1_ABOVE_MEASURING_RANGE', 'sensor_error'],
  [0x00000010, 'SENSOR_T2_ABOVE_MEASURING_RANGE', 'sensor_error'],
  [0x00000020, 'SENSOR_T1_BELOW_MEASURING_RANGE', 'sensor_error'],
  [0x00000040, 'SENSOR_T2_BELOW_MEASURING_RANGE', 'sensor_error'],
  [0x00000080, 'TEMP_DIFF_WRONG_POLARITY'],
  [0x00000100, 'FLOW_SENSOR_WEAK_OR_AIR', 'sensor_error'],
  [0x00000200, 'WRONG_FLOW_DIRECTION', 'backflow'],
  [0x00000800, 'FLOW_INCREASED', 'high_flow'],
  [0x00001000, 'IN_A1_LEAKAGE_IN_THE_SYSTEM', 'leak'],
  [0x00002000, 'IN_B1_LEAKAGE_IN_THE_SYSTEM', 'leak'],
  [0x00004000, 'IN_A1_A2_EXTERNAL_ALARM'],
  [0x00008000, 'IN_B1_B2_EXTERNAL_ALARM'],
  [0x00010000, 'V1_COMMUNICATION_ERROR', 'communication_error'],
  [0x00020000, 'V1_WRONG_PULSE_FIGURE'],
  [0x00040000, 'IN_A2_LEAKAGE_IN_THE_SYSTEM', 'leak'],
  [0x00080000, 'IN_B2_LEAKAGE_IN_THE_SYSTEM', 'leak'],
  [0x00100000, 'T3_ABOVE_MEASURING_RANGE_OR_SWITCHED_OFF'],
  [0x00200000, 'T3_BELOW_MEASURING_RANGE_OR_SWITCHED_OFF'],
  [0x00400000, 'V2_COMMUNICATION_ERROR', 'communication_error'],
  [0x00800000, 'V2_WRONG_PULSE_FIGURE'],
  [0x01000000, 'V2_AIR', 'sensor_error'],
  [0x02000000, 'V2_WRONG_FLOW_DIRECTION', 'backflow'],
  [0x08000000, 'V2_INCREASED_FLOW', 'high_flow'],
  [0x10000000, 'V1_V2_BURST_WATER_LOSS', 'burst'],
  [0x20000000, 'V1_V2_BURST_WATER_PENETRATION', 'burst'],
  [0x40000000, 'V1_V2_LEAKAGE_WATER_LOSS', 'leak'],
  [0x80000000, 'V1_V2_LEAKAGE_WATER_PENETRATION', 'leak'],
];

/** The narrow (16-bit, VIF FD17) error flags of older MULTICALs. */
const NARROW_BITS: readonly (readonly [number, string, AlarmCode?])[] = [
  [0x0001, 'VOLTAGE_INTERRUPTED'],
  [0x0004, 'SENSOR_T2_OUTSIDE_MEASURING_RANGE', 'sensor_error'],
  [0x0008, 'SENSOR_T1_OUTSIDE_MEASURING_RANGE', 'sensor_error'],
  [0x0010, 'V1_COMMUNICATION_ERROR', 'communication_error'],
  [0x0020, 'SENSOR_T3_OUTSIDE_MEASURING_RANGE', 'sensor_error'],
  [0x0040, 'LEAKAGE_COLD_WATER', 'leak'],
  [0x0080, 'V2_WRONG_PULSE_FIGURE'],
  [0x0100, 'LEAKAGE_HOT_WATER', 'leak'],
  [0x0200, 'BURST_WATER_LOSS', 'burst'],
  [0x0400, 'V2_COMMUNICATION_ERROR', 'communication_error'],
  [0x0800, 'V1_WRONG_PULSE_FIGURE'],
  [0x1000, 'V1_AIR', 'sensor_error'],
  [0x2000, 'V2_AIR', 'sensor_error'],
  [0x4000, 'V1_WRONG_FLOW_DIRECTION', 'backflow'],
  [0x8000, 'V2_WRONG_FLOW_DIRECTION', 'backflow'],
];

export const kamheat: WmbusDriver = {
  name: 'kamheat',
  meters: 'Kamstrup MULTICAL 302/303/402/403/602/603/803',
  sources: ['Kamstrup MULTICAL 403/603 technical descriptions (info codes)', 'wmbusmeters drivers/src/kamheat.xmq'],
  detect: mvt(
    ['KAM', 0x30, 0x04],
    ['KAM', 0x30, 0x0d],
    ['KAM', 0x30, 0x0c],
    ['KAM', 0x40, 0x04],
    ['KAM', 0x40, 0x0c],
    ['KAM', 0x40, 0x0d],
    ['KAM', 0x19, 0x04],
    ['KAM', 0x34, 0x04],
    ['KAM', 0x34, 0x0a],
    ['KAM', 0x34, 0x0b],
    ['KAM', 0x34, 0x0c],
    ['KAM', 0x34, 0x0d],
    ['KAM', 0x1c, 0x04],
    ['KAM', 0x35, 0x04],
    ['KAM', 0x35, 0x0c],
    ['KAM', 0x39, 0x04],
  ),
  compactFormats: [
    '030643060314426C022D01FF21', // MULTICAL 302 heat (30/04)
    '030E430E0313426C022D01FF21', // MULTICAL 302 heat, inlet (30/0C)
    '030F430F0314426C022D01FF21', // MULTICAL 302, GJ
    '040604FF0704FF080414043B0259025D04FF22026C44064414426C', // MULTICAL 403 (34/0C)
    '040E04FF0704FF08041384401484804014043B0259025D142D84100E84200E04FF22026C440E4413C44014C4804014426C', // 403 cooling
    '040F04FF0704FF08041484401484804014043B0259025D142D84100F84200F04FF22026C440F4414C44014C4804014426C', // 803 (39/04)
    '02F9FF15040604EEFF0704EEFF0804148440148480401402FD17026C426C44064414C44014C4804014043B0259025D', // 602 (1C/04)
  ],
  decode(ctx) {
    mapKeys(ctx, {
      '04FF07': ['forward_energy_m3c', '', 1],
      '04FF08': ['return_energy_m3c', '', 1],
      '44FF07': ['forward_energy_m3c', '', 1],
      '44FF08': ['return_energy_m3c', '', 1],
      '04EEFF07': ['pulse_input_a', 'count', 1],
      '04EEFF08': ['pulse_input_b', 'count', 1],
    });
    dropMeasurements(ctx, (m) => m.unit === 'hca');
    const wide = statusFromKeys(ctx, ['04FF22', '02FF22'], INFO_BITS);
    if (wide === undefined) statusFromKeys(ctx, ['02FD17', '04FD17', '01FD17'], NARROW_BITS);
    if (ctx.fields.status === undefined) ctx.fields.status = 'OK';
  },
};
