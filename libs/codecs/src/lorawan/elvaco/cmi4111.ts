import { CodecError } from '../../errors';
import type { JsonObject } from '../../types';
import { elvacoCodec } from './codec';
import type { DifVifTable } from './legacy';
import { hexAt, jsonNumber, lookup, parseDecimal, parseHex, spec, unknownRecord, valueHex, vifRun } from './legacy';
import { pow10 } from '../../pow';

/**
 * Elvaco CMi4111 (in a Landis+Gyr T230), "Standard" message (format byte 0x05): binary (int16 /
 * int32) energy, volume, power, flow, temperatures, BCD meter ID and error flags.
 *
 * The vendor script (vendor/elvaco/cmi4111.js, revision e5e9c20, whose names match its example;
 * a later revision renames the flow temperature "forward_temperature"):
 *  - one-byte VIFs; with five bytes or fewer left, a VIF "fd" takes the next byte ("fd17");
 *  - value length = DIF for 2..4, else 4;
 *  - DIF 0x34 (value during error state) is refused: "Empty payload, value during error state"
 *    when more than 20 bytes are 0x00;
 *  - values are hex (binary) scaled by the table, "fff" leading a power or flow is a minus sign;
 *    the serial is its BCD digits read as decimal; the error flag is hex, unscaled.
 * Its table also lists DIF 0x84 tariff registers with two-byte VIFs that this walk can never
 * match (it reads one VIF byte); only 84 FD 17 is reachable, through the tail rule.
 */
const TABLE: DifVifTable = {
  '34': { '03': spec('', '', 0), '13': spec('', '', 0) },
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
  '0c': { '78': spec('serial_from_message', '', 0) },
  '84': { fd17: spec('error_flag', '', 0) },
};

function walk(arr: string[]): JsonObject {
  const out: JsonObject = {};
  let i = 1;
  while (i < arr.length) {
    const dif = hexAt(arr, i, 'DIF');
    let vif = hexAt(arr, i + 1, 'VIF');
    const difInt = parseHex(dif);
    i += 2;
    if (arr.length - i <= 5 && vif === 'fd') {
      vif = arr.slice(i - 1, i + 1).join('');
      i += 1;
    }
    const length = difInt >= 2 && difInt <= 4 ? difInt : 4;
    const info = lookup(TABLE, dif, vif);
    if (!info) unknownRecord(`Unknown dif ${dif} and vif ${vif}`, dif, vif);
    if (dif === '34') {
      const zeros = arr.filter((b) => b === '00').length;
      throw new CodecError('MALFORMED', zeros > 20 ? 'Empty payload, value during error state' : `Unknown dif ${dif} and vif ${vif}`);
    }
    const hex = valueHex(arr, i, length);
    const negative = hex.startsWith('fff') && (info.measure === 'power' || info.measure === 'flow');
    const valueInt = negative ? parseHex(hex.replace('fff', '-')) : parseHex(hex);
    i += length;
    let value: number;
    if (info.measure === 'serial_from_message') value = parseDecimal(hex);
    else if (info.unit) value = valueInt / pow10(info.decimal);
    else value = parseHex(hex);
    out[info.measure] = jsonNumber(value);
  }
  return out;
}

export const cmi4111 = elvacoCodec({
  meta: {
    id: 'elvaco/cmi4111',
    model: 'CMi4111 (LoRaWAN module for Landis+Gyr T230)',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/elvaco/cmi4111.js',
      'https://www.elvaco.com (CMi4111 User\'s Manual: Standard message format)',
    ],
  },
  formatByte: 0x05,
  transmitIntervalDownlink: false,
  vendor: walk,
});
