import { CodecError } from '../../errors';
import type { CodecMeta, DecodedPayload, LorawanCodec, UplinkInput } from '../../types';
import { iotFactoryCanonical } from './canonical';
import type { FrameParser } from './frames';
import { IOT_FACTORY_PORT, decodeChain } from './frames';
import { clearRecordSpans } from './mbus-frame';

/**
 * An IoT Factory codec: the device header and the frame chain read with the decoder's frame
 * parsers. `vendor` is that decoder's `data` (its `raw` copy of the bytes removed, as its
 * decodeUplink does); an unknown frame type, which it reports in `errors`, is a CodecError. The
 * script's Decode() documents fPort 10; its wrapper passes 10 whatever the port, other ports are
 * refused here. No downlink is publicly documented.
 */
export function iotFactoryCodec(meta: Omit<CodecMeta, 'vendor' | 'protocol' | 'fPorts' | 'downlinks'>, parsers: ReadonlyMap<number, FrameParser>): LorawanCodec {
  const full: CodecMeta = { ...meta, vendor: 'iot-factory', protocol: 'lorawan', fPorts: [IOT_FACTORY_PORT], downlinks: [] };
  return {
    meta: full,
    decode(input: UplinkInput): DecodedPayload {
      if (input.fPort !== IOT_FACTORY_PORT) {
        throw new CodecError('UNSUPPORTED_PORT', `${full.id}: unknown fPort ${input.fPort} (IoT Factory devices use ${IOT_FACTORY_PORT})`, {
          fPort: input.fPort,
        });
      }
      clearRecordSpans();
      const { data, frames } = decodeChain(input.bytes, parsers);
      const { measurements, alarms, device, warnings } = iotFactoryCanonical(input.bytes, data, frames);
      const out: DecodedPayload = { codec: full.id, measurements, alarms, device, vendor: data };
      if (warnings.length) out.warnings = warnings;
      return out;
    },
  };
}
