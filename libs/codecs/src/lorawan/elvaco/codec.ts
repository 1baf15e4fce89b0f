import { CodecError } from '../../errors';
import type { CodecMeta, DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import { elvacoCanonical } from './canonical';
import { ELVACO_PORT, standardFrame } from './legacy';

/**
 * Builds an Elvaco CMi41xx codec from the model's vendor walk (`vendor`: the vendor script's
 * dictionary, from the hex bytes) and its message-format byte. Downlinks, where the model's
 * manual documents them, are TLV commands on fPort 2: 0x00, type, length, value. Only the
 * transmit interval (type 0x06, 2 bytes, minutes LSB first; e.g. 00 06 02 1E 00 = 30 min) is
 * encoded: 5..1440 whole minutes, the range Elvaco documents for the interval.
 */
export interface ElvacoModel {
  meta: Omit<CodecMeta, 'vendor' | 'utility' | 'protocol' | 'fPorts' | 'downlinks'>;
  formatByte: number;
  transmitIntervalDownlink: boolean;
  vendor(hex: string[]): JsonObject;
}

export function transmitInterval(seconds: number): EncodedDownlink {
  const minutes = seconds / 60;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440) {
    throw new CodecError('INVALID_COMMAND', `transmit interval must be whole minutes between 5 and 1440, got ${seconds} s`);
  }
  return { fPort: ELVACO_PORT, bytes: Uint8Array.of(0x00, 0x06, 0x02, minutes & 0xff, minutes >> 8) };
}

export function elvacoCodec(model: ElvacoModel): LorawanCodec {
  const meta: CodecMeta = {
    ...model.meta,
    vendor: 'elvaco',
    utility: 'heat',
    protocol: 'lorawan',
    fPorts: [ELVACO_PORT],
    downlinks: model.transmitIntervalDownlink ? ['reporting_interval'] : [],
  };
  const codec: LorawanCodec = {
    meta,
    decode(input: UplinkInput): DecodedPayload {
      const hex = standardFrame(meta.id, input, model.formatByte);
      const vendor = model.vendor(hex);
      const { measurements, device } = elvacoCanonical(input.bytes, model.formatByte);
      return { codec: meta.id, measurements, alarms: [], device, vendor };
    },
  };
  if (model.transmitIntervalDownlink) {
    codec.encode = (command: DownlinkCommand): EncodedDownlink => {
      if (command.type !== 'reporting_interval') {
        throw new CodecError('UNSUPPORTED_COMMAND', `${meta.id} cannot encode a ${command.type} command`);
      }
      return transmitInterval(command.seconds);
    };
  }
  return codec;
}
