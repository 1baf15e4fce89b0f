import type { JsonObject } from '../../types';
import { elvacoCodec } from './codec';
import type { DifVifTable } from './legacy';
import { appended, hexAt, jsonNumber, lookup, parseDecimal, parseHex, spec, unknownRecord, valueHex, vifRun } from './legacy';
import { pow10 } from '../../pow';

/**
 * Elvaco CMi4140 (in a Kamstrup MULTICAL 403/603/803), "Standard" message (format byte 0x15).
 *
 * The vendor script (vendor/elvaco/cmi4140.js, revision 018c799, "based on user's manual V1.3"):
 *  - a DIF 0x84 takes a two-byte VIF; with five bytes or fewer left, a VIF "fd" takes the next
 *    byte ("fd17");
 *  - value length = DIF for 2..4, else 4;
 *  - values with a unit are hex (binary) scaled by the table; unit-less ones (serial, error
 *    flags) are the hex digits read as decimal — so error flags 0x00010000 print as 10000.
 */
const TABLE: DifVifTable = {
  '04': {
    ...vifRun('energy', 'kWh', ['00', '01', '02', '03', '04', '05', '06', '07'], 6),
    ...vifRun('volume', 'm3', ['10', '11', '12', '13', '14', '15', '16', '17'], 6),
    fd17: spec('error_flag', '', 0),
    '6d': spec('datetime_heat_meter', '', 0),
  },
  '02': {
    ...vifRun('power', 'kW', ['29', '2a', '2b', '2c', '2d', '2e', '2f'], 5),
    ...vifRun('flow', 'm3/h', ['39', '3a', '3b', '3c', '3d', '3e', '3f'], 5),
    ...vifRun('flow_temperature', '°C', ['58', '59', '5a', '5b'], 3),
    ...vifRun('return_temperature', '°C', ['5c', '5d', '5e', '5f'], 3),
    fd17: spec('error_flag', '', 0),
  },
  '0c': { '78': spec('serial', '', 0) },
};

function walk(arr: string[]): JsonObject {
  const out: JsonObject = {};
  let i = 1;
  while (i < arr.length) {
    const dif = hexAt(arr, i, 'DIF');
    const difInt = parseHex(dif);
    let vif = hexAt(arr, i + 1, 'VIF');
    if (difInt === 0x84) vif += hexAt(arr, i + 2, 'VIF');
    i += difInt === 0x84 ? 3 : 2;
    const length = difInt >= 2 && difInt <= 4 ? difInt : 4;
    if (arr.length - i <= 5 && vif === 'fd') vif += appended(arr, i++);
    const info = lookup(TABLE, dif, vif);
    if (!info) unknownRecord(`Unknown dif ${dif} and vif ${vif}`, dif, vif);
    const hex = valueHex(arr, i, length);
    i += length;
    out[info.measure] = jsonNumber(info.unit ? parseHex(hex) / pow10(info.decimal) : parseDecimal(hex));
  }
  return out;
}

export const cmi4140 = elvacoCodec({
  meta: {
    id: 'elvaco/cmi4140',
    model: 'CMi4140 (LoRaWAN module for Kamstrup MULTICAL 403/603/803)',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/elvaco/cmi4140.js',
      'https://www.elvaco.com (CMi4140 User\'s Manual v1.1: Standard message format)',
    ],
  },
  formatByte: 0x15,
  transmitIntervalDownlink: false,
  vendor: walk,
});
