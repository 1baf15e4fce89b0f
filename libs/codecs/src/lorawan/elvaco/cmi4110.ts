import { CodecError } from '../../errors';
import type { JsonObject } from '../../types';
import { elvacoCodec } from './codec';
import type { DifVifTable } from './legacy';
import { appended, hexAt, jsonNumber, lookup, parseDecimal, parseHex, spec, unknownRecord, valueHex, vifRun } from './legacy';
import { pow10 } from '../../pow';

/**
 * Elvaco CMi4110 (in a Landis+Gyr UH50/UC50), "Standard" message (format byte 0x00): energy,
 * volume, power, flow, flow and return temperature, meter ID and error flags as M-Bus records.
 *
 * The vendor script (vendor/elvaco/cmi4110.js, revision 62c8acd, the one its examples match):
 *  - a DIF 0x84 takes a two-byte VIF; with three bytes or fewer left, the next byte is appended
 *    to the VIF (so the final 02 FD 17 record reads as VIF "fd17");
 *  - value length = DIF for 2..4, else DIF - 8 (BCD DIFs 0x0A..0x0C);
 *  - energy records are named energy, energy_tariff_1..3 in order; a fifth is an error;
 *  - flow is the BCD digits parsed as hex (with "f0" as a minus sign), everything else the
 *    digits parsed as decimal; serial and error flag without scaling.
 */
const TABLE: DifVifTable = {
  '0c': {
    '06': spec('energy', 'kWh', 0),
    '07': spec('energy', 'kWh', -1),
    ...vifRun('volume', 'm3', ['14', '15', '16'], 2),
    '78': spec('serial', '', 0),
  },
  '0b': {
    ...vifRun('power', 'kW', ['2a', '2b', '2c', '2d', '2e', '2f'], 4),
    ...vifRun('flow', 'm3/h', ['3b', '3c', '3d', '3e', '3f'], 3),
  },
  '0a': {
    ...vifRun('flow_temperature', '°C', ['5a', '5b'], 1),
    ...vifRun('return_temperature', '°C', ['5e', '5f'], 1),
  },
  '02': { fd17: spec('error_flag', '', 0) },
  '04': { fd17: spec('error_flag', '', 0) },
};

/** The vendor's signed read: "f0" anywhere in the hex string is taken as a minus sign. */
function signedHex(hex: string): number {
  return hex.includes('f0') ? -parseHex(hex.replace('f0', '')) : parseHex(hex);
}

function walk(arr: string[]): JsonObject {
  const out: JsonObject = {};
  let energyCount = 0;
  let i = 1;
  while (i < arr.length) {
    const dif = hexAt(arr, i, 'DIF');
    const difInt = parseHex(dif);
    let vif = hexAt(arr, i + 1, 'VIF');
    if (difInt === 0x84) vif += hexAt(arr, i + 2, 'VIF');
    i += difInt === 0x84 ? 3 : 2;
    const length = difInt >= 2 && difInt <= 4 ? difInt : difInt - 8;
    if (arr.length - i <= 3) vif += appended(arr, i++);
    const info = lookup(TABLE, dif, vif);
    if (!info) unknownRecord(`Unknown dif ${dif} and vif ${vif}`, dif, vif);
    const hex = valueHex(arr, i, length);
    i += length;
    const scale = pow10(info.decimal);
    let name = info.measure;
    let value: number;
    if (name === 'energy') {
      if (energyCount >= 4) throw new CodecError('MALFORMED', 'more than 4 energy registers');
      if (energyCount > 0) name = `energy_tariff_${energyCount}`;
      energyCount += 1;
      value = parseDecimal(hex) / scale;
    } else if (name === 'flow') {
      value = signedHex(hex) / scale;
    } else {
      value = info.unit ? parseDecimal(hex) / scale : parseDecimal(hex);
    }
    out[name] = jsonNumber(value);
  }
  return out;
}

export const cmi4110 = elvacoCodec({
  meta: {
    id: 'elvaco/cmi4110',
    model: 'CMi4110 (LoRaWAN module for Landis+Gyr UH50/UC50)',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/elvaco/cmi4110.js',
      'https://www.elvaco.com (CMi4110 User\'s Manual v1.3: Standard message format, downlink commands)',
    ],
  },
  formatByte: 0x00,
  transmitIntervalDownlink: true,
  vendor: walk,
});
