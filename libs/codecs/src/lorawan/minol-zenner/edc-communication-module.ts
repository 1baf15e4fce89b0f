import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { AlarmCode, DecodedPayload, LorawanCodec, Measurement, UplinkInput } from '../../types';

const ID = 'minol-zenner/edc-communication-module';

/**
 * Minol ZENNER EDC communication module for water meters (fPort 1), as the LoRaWAN Device
 * Repository codec describes it: byte 0 is a status bit field (bit0 removal detection, bit1
 * battery low, bit2 battery end of life, bit3 hardware error, bit5 coil manipulation), followed
 * by any number of meter values, each a uint32 BE. The module counts the meter's pulses, so the
 * values are kept as counts (value 0 is the current one; the order of further values is not
 * documented publicly, they are numbered as storage slots).
 */
export const edcCommunicationModule: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'minol-zenner',
    model: 'EDC communication module',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: [1],
    downlinks: [],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/minol-zenner/edc-communication-module-codec.yaml',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/minol-zenner/edc-communication-module.yaml',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (input.fPort !== 1) {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown fPort ${input.fPort}`, { fPort: input.fPort });
    }
    const r = new ByteReader(input.bytes, 'EDC frame');
    const status = r.u8('status byte');
    if (r.remaining % 4 !== 0) {
      throw new CodecError('MALFORMED', `${ID}: ${r.remaining} byte(s) after the status byte is not a whole number of 4-byte meter values`, {
        length: input.bytes.length,
      });
    }
    const values: number[] = [];
    while (!r.done) values.push(r.u32be(`meter value ${values.length}`));

    const bit = (n: number): number => (status >> n) & 1;
    const alarms: AlarmCode[] = [];
    if (bit(0)) alarms.push('removal');
    if (bit(1)) alarms.push('low_battery');
    if (bit(2)) alarms.push('battery_end_of_life');
    if (bit(3)) alarms.push('hardware_error');
    if (bit(5)) alarms.push('tamper');

    const measurements: Measurement[] = values.map((value, storage) => ({
      quantity: 'pulse_count',
      value,
      unit: 'count',
      storage,
    }));
    return {
      codec: ID,
      measurements,
      alarms,
      device: { statusByte: status },
      vendor: {
        removal_detection: bit(0),
        battery_low: bit(1),
        battery_end_of_life: bit(2),
        hw_error: bit(3),
        coil_manipulation: bit(5),
        meter_values: values,
      },
    };
  },
};
