import { CodecError } from '../../errors';
import type { DecodedPayload, LorawanCodec, UplinkInput } from '../../types';
import { OmsBuffer } from './buffer';
import { sensusCanonical } from './canonical';
import { alarmsOf, readHeader, readRecords } from './frame';
import { frameJson } from './output';

const ID = 'sensus/iperl';

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}
const PORTS = [20, 21, 22];

/**
 * Sensus iPERL water meter (OMS over LoRaWAN): each uplink on fPort 20, 21 or 22 is an
 * EN 13757-3 / OMS application layer (optional AFL, TPL header, data records with volume,
 * date/time and an inverse compact profile of hourly volumes). `vendor` is the output of
 * Sensus' decoder in the LoRaWAN Device Repository; other ports give that decoder no data and
 * are refused here. No downlink is publicly documented.
 */
export const iperl: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'sensus',
    model: 'iPERL',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: PORTS,
    downlinks: [],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/sensus/iperl-oms.js',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/sensus/iperl-codec.yaml',
      'EN 13757-3 / OMS Specification Vol. 2 (TPL headers, data records, compact profiles)',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (!PORTS.includes(input.fPort)) {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown fPort ${input.fPort} (the iPERL uses 20, 21, 22)`, { fPort: input.fPort });
    }
    const buf = new OmsBuffer(input.bytes);
    const header = readHeader(buf);
    const blockStart = buf.pos;
    const records = readRecords(buf);
    const alarmNames = alarmsOf(records, header);
    const vendor = frameJson(header, records, alarmNames);
    const { measurements, alarms, device } = sensusCanonical(input.bytes.subarray(blockStart), header, records, alarmNames);
    return hasKeys(device) ? { codec: ID, measurements, alarms, device, vendor } : { codec: ID, measurements, alarms, vendor };
  },
};
