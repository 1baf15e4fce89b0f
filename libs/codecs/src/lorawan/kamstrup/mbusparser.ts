import { CodecError } from '../../errors';
import type { DecodedPayload, LorawanCodec, UplinkInput } from '../../types';
import { kamstrupCanonical } from './canonical';
import { buildOutput } from './values';
import { readHeader, walkRecords } from './walk';

const ID = 'kamstrup/mbusparser';

/**
 * Kamstrup `mbusparser` (flowIQ 2200 water meters, MULTICAL heat meters with LoRaWAN): an
 * EN 13757-3 application layer per uplink. `vendor` is the vendor script's `data` exactly
 * ({values, latestVolume}), its warnings are `warnings`, its errors are CodecErrors carrying
 * its message. The script does not look at the fPort, and no public document names one (the
 * examples use 1): every LoRaWAN application port 1..223 is accepted, 224..255 are refused.
 * No downlink is publicly documented.
 */
export const mbusparser: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'kamstrup',
    model: 'flowIQ 2200 / MULTICAL (mbusparser)',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: Array.from({ length: 223 }, (_, i) => i + 1),
    downlinks: [],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/kamstrup/mbusparser.js',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/kamstrup/mbusparser.yaml',
      'EN 13757-3:2018 (data records, Annex A data types, Annex F compact profiles)',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (!Number.isInteger(input.fPort) || input.fPort < 1 || input.fPort > 223) {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: fPort ${input.fPort} is not an application port`, { fPort: input.fPort });
    }
    const header = readHeader(input.bytes);
    const records = walkRecords(input.bytes, header.length);
    const { vendor, warnings, profile } = buildOutput(records);
    const { measurements, alarms, device } = kamstrupCanonical(input.bytes, header, profile);
    // Same keys and order as spreading the optional parts, without an object spread each.
    const out: DecodedPayload = Object.keys(device).length ? { codec: ID, measurements, alarms, device, vendor } : { codec: ID, measurements, alarms, vendor };
    if (warnings.length) out.warnings = warnings;
    return out;
  },
};
