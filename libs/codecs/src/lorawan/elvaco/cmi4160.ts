import type { JsonObject, JsonValue } from '../../types';
import { elvacoCodec } from './codec';
import type { DifVifTable } from './legacy';
import { appended, hexAt, jsonNumber, lookup, parseDecimal, parseHex, spec, unknownRecord, valueHex, vifRun } from './legacy';
import { pow10 } from '../../pow';

/**
 * Elvaco CMi4160 (in a Diehl SHARKY 775), "Standard" message (format byte 0x1E): binary energy,
 * volume, power, flow, temperatures, the meter address as an enhanced-identification record
 * (07 79: BCD ID, manufacturer, version, medium) and one-byte error flags (01 FD 17).
 *
 * The vendor script (vendor/elvaco/cmi4160.js, revision 0d9430c):
 *  - one-byte VIFs; with three bytes or fewer left, a VIF "fd" takes the next byte ("fd17");
 *  - value length = DIF for 2..4 and 7, else 4 — so the one-byte error flag is read with a
 *    length of 4 from the single byte left;
 *  - values with a unit are hex scaled by the table; the serial is the last 8 hex digits of the
 *    7 bytes read as decimal (the BCD ID), and one more byte is skipped; others are hex.
 *  - its branches for DIF 0x32 are unreachable (the table has no 0x32), so not reproduced.
 */
const TABLE: DifVifTable = {
  '00': { '2f': spec('', '', 0) },
  '01': { fd17: spec('error_flag', '', 0) },
  '04': {
    ...vifRun('energy', 'kWh', ['00', '01', '02', '03', '04', '05', '06', '07'], 6),
    ...vifRun('volume', 'm3', ['11', '12', '13', '14', '15', '16', '17'], 5),
    '6d': spec('datetime_heat_meter', '', 0),
  },
  '02': {
    ...vifRun('power', 'kW', ['2a', '2b', '2c', '2d', '2e', '2f'], 4),
    ...vifRun('flow', 'm3/h', ['3b', '3c', '3d', '3e', '3f'], 3),
    ...vifRun('flow_temperature', '°C', ['58', '59', '5a', '5b'], 3),
    ...vifRun('return_temperature', '°C', ['5c', '5d', '5e', '5f'], 3),
    fd17: spec('error_flag', '', 0),
  },
  '07': { '79': spec('serial', '', 0) },
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
    const length = (difInt >= 2 && difInt <= 4) || difInt === 7 ? difInt : 4;
    const info = lookup(TABLE, dif, vif);
    if (!info) unknownRecord(`Unknown dif ${dif} and vif dif in difVifMapping${vif}`, dif, vif);
    const hex = valueHex(arr, i, length);
    i += length;
    let value: JsonValue;
    if (info.unit) {
      value = jsonNumber(parseHex(hex) / pow10(info.decimal));
    } else if (info.measure === 'serial') {
      value = jsonNumber(parseDecimal(hex.slice(-8)));
      i += 1;
    } else {
      value = jsonNumber(parseHex(hex));
    }
    out[info.measure] = value;
  }
  return out;
}

export const cmi4160 = elvacoCodec({
  meta: {
    id: 'elvaco/cmi4160',
    model: 'CMi4160 (LoRaWAN module for Diehl SHARKY 775)',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/elvaco/cmi4160.js',
      'https://www.elvaco.com (CMi4160 User\'s Manual v1.3: Standard message format, table 14 downlink commands)',
    ],
  },
  formatByte: 0x1e,
  transmitIntervalDownlink: true,
  vendor: walk,
});
