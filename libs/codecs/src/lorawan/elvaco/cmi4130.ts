import type { JsonObject } from '../../types';
import { elvacoCodec } from './codec';
import type { DifVifTable } from './legacy';
import { appended, hexAt, jsonNumber, lookup, parseHex, spec, unknownRecord, valueHex, vifRun } from './legacy';
import { pow10 } from '../../pow';

/**
 * Elvaco CMi4130 (in an Itron CF51/CF55/CF ECHO II), "Standard" message (format byte 0x0F).
 *
 * The vendor script (vendor/elvaco/cmi4130.js, revision 072002e):
 *  - one-byte VIFs; with three bytes or fewer left, a VIF "fd" takes the next byte ("fd17");
 *  - value length = DIF for 2..4, 2 for DIF 0x32 (flow during error), else 4;
 *  - every value is its bytes read as hex, scaled — so the BCD meter ID (0C 78) comes out as a
 *    binary number (BCD 10906719 is printed 277899033); DIF 0x32 records are printed as 0.
 */
const POWER_FLOW = {
  ...vifRun('power', 'kW', ['2a', '2b', '2c', '2d', '2e', '2f'], 4),
  ...vifRun('flow', 'm3/h', ['3b', '3c', '3d', '3e', '3f'], 3),
};

const TABLE: DifVifTable = {
  '04': {
    ...vifRun('energy', 'kWh', ['00', '01', '02', '03', '04', '05', '06', '07'], 6),
    ...vifRun('volume', 'm3', ['11', '12', '13', '14', '15', '16', '17'], 5),
    fd17: spec('error_flag', '', 0),
    '6d': spec('datetime_heat_meter', '', 0),
  },
  '02': {
    ...POWER_FLOW,
    ...vifRun('flow_temperature', '°C', ['58', '59', '5a', '5b'], 3),
    ...vifRun('return_temperature', '°C', ['5c', '5d', '5e', '5f'], 3),
    fd17: spec('error_flag', '', 0),
  },
  '32': POWER_FLOW,
  '0c': { '78': spec('serial', '', 0) },
};

function walk(arr: string[]): JsonObject {
  const out: JsonObject = {};
  let i = 1;
  while (i < arr.length) {
    const dif = hexAt(arr, i, 'DIF');
    const difInt = parseHex(dif);
    let vif = hexAt(arr, i + 1, 'VIF');
    i += 2;
    if (arr.length - i <= 3 && vif === 'fd') vif += appended(arr, i++);
    const length = difInt >= 2 && difInt <= 4 ? difInt : difInt === 0x32 ? 2 : 4;
    const info = lookup(TABLE, dif, vif);
    if (!info) unknownRecord(`Unknown dif ${dif} and vif dif in difVifMapping${vif}`, dif, vif);
    const hex = valueHex(arr, i, length);
    i += length;
    out[info.measure] = dif === '32' ? 0 : jsonNumber(parseHex(hex) / pow10(info.decimal));
  }
  return out;
}

export const cmi4130 = elvacoCodec({
  meta: {
    id: 'elvaco/cmi4130',
    model: 'CMi4130 (LoRaWAN module for Itron CF51/CF55/CF ECHO II)',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/elvaco/cmi4130.js',
      'https://www.elvaco.com (CMi4130 User\'s Manual v1.1: Standard message format, table 14 downlink commands)',
    ],
  },
  formatByte: 0x0f,
  transmitIntervalDownlink: true,
  vendor: walk,
});
