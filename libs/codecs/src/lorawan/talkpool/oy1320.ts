import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { DecodedPayload, LorawanCodec, UplinkInput } from '../../types';

const ID = 'talkpool/oy1320';

/**
 * TalkPool OY1320, a LoRaWAN AMR head for B METERS GMDM-RFM mechanical water meters (fPort 2).
 *
 * No public layout document exists; the layout is the one of TalkPool's decoder in the LoRaWAN
 * Device Repository: the meter reading is bytes 4-5 (uint16 BE). A frame whose length is a
 * multiple of 6 carries status "0"; one whose length is a multiple of 9 carries the status as
 * the high nibble of byte 4 (printed in hex). Any other length is not a frame of this device.
 * The reading's unit is not documented, so it is kept as a dimensionless meter index.
 */
export const oy1320: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'talkpool',
    model: 'OY1320',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: [2],
    downlinks: [],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/talkpool/oy1320.js',
      'https://talkpool.com/oy1320-lorawan-water-meter-amr/',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (input.fPort !== 2) {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown fPort ${input.fPort}`, { fPort: input.fPort });
    }
    const r = new ByteReader(input.bytes, 'OY1320 frame');
    r.need(6, 'meter reading frame');
    const len = input.bytes.length;
    let status: string;
    if (len % 6 === 0) status = '0';
    else if (len % 9 === 0) status = (input.bytes[4] >> 4).toString(16);
    else throw new CodecError('MALFORMED', `${ID}: frame length ${len} is neither a multiple of 6 nor of 9`, { length: len });
    r.seek(4);
    const reading = r.u16be('meter reading');
    return {
      codec: ID,
      measurements: [{ quantity: 'meter_reading', value: reading, unit: '' }],
      alarms: [],
      vendor: { MeterReading: reading, Status: status },
    };
  },
};
