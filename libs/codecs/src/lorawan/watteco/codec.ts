import { CodecError } from '../../errors';
import { isoString } from '../iso-time';
import type {
  AlarmCode,
  CodecMeta,
  DecodedPayload,
  DeviceStatus,
  DownlinkCommand,
  EncodedDownlink,
  JsonObject,
  JsonValue,
  LorawanCodec,
  Measurement,
  UplinkInput,
} from '../../types';
import type { BatchConfig } from './batch';
import { decodeBatch } from './batch';
import type { Sample } from './samples';
import { parseRecvTime, samplesOutput } from './samples';
import type { WattecoModel } from './standard';
import { decodeStandard } from './standard';
import { WATTECO_PORT } from './zcl';

/** What one sample contributes to the canonical part. */
export interface CanonicalPart {
  measurement?: Omit<Measurement, 'at'>;
  device?: DeviceStatus;
}

export interface WattecoCodecConfig {
  meta: Omit<CodecMeta, 'vendor' | 'protocol' | 'fPorts'>;
  zcl: WattecoModel;
  /** Batch labels of the model; undefined when the vendor decoder has none. */
  batch?: BatchConfig;
  /**
   * Maps a sample (name with its endpoint resolved, real value) to measurements and device data;
   * returns new objects (the codec adds the sample's time to the measurement).
   */
  canonical(name: string, value: JsonValue): CanonicalPart | undefined;
  encode?(command: DownlinkCommand): EncodedDownlink;
}

interface Decoded {
  vendor: JsonObject;
  samples: Sample[];
  warnings: string[];
  alarm: boolean;
}

function decodeFrame(config: WattecoCodecConfig, bytes: Uint8Array, recvTime: string | undefined): Decoded {
  if (bytes.length === 0) throw new CodecError('TRUNCATED', 'empty Watteco frame');
  if (bytes[0] & 1) {
    const frame = decodeStandard(bytes, config.zcl, recvTime);
    const recvMs = recvTime === undefined ? undefined : parseRecvTime(recvTime);
    const at = recvMs === undefined ? undefined : isoString(recvMs);
    const samples = frame.samples ?? [];
    if (at) for (const s of samples) s.at = at;
    return { vendor: frame.header ?? samplesOutput(samples), samples, warnings: frame.warnings, alarm: frame.alarm };
  }
  if (!config.batch) {
    throw new CodecError('UNSUPPORTED_FRAME', `${config.meta.id}: the vendor decoder defines no batch labels for this model`);
  }
  if (recvTime === undefined) {
    throw new CodecError('MISSING_CONTEXT', `${config.meta.id}: a batch frame needs recvTime to date its samples`);
  }
  const recvMs = parseRecvTime(recvTime);
  if (recvMs === undefined) throw new CodecError('MALFORMED', `recvTime "${recvTime}" is not an ISO-8601 time`);
  const samples = decodeBatch(bytes, config.batch, recvMs);
  return { vendor: samplesOutput(samples), samples, warnings: [], alarm: false };
}

/** Builds a Watteco codec: fPort 125, standard ZCL frames and (when configured) batch frames. */
export function wattecoCodec(config: WattecoCodecConfig): LorawanCodec {
  const meta: CodecMeta = { ...config.meta, vendor: 'watteco', protocol: 'lorawan', fPorts: [WATTECO_PORT] };
  const codec: LorawanCodec = {
    meta,
    decode(input: UplinkInput): DecodedPayload {
      if (input.fPort !== WATTECO_PORT) {
        throw new CodecError('UNSUPPORTED_PORT', `${meta.id}: unknown fPort ${input.fPort} (Watteco uses ${WATTECO_PORT})`, {
          fPort: input.fPort,
        });
      }
      const decoded = decodeFrame(config, input.bytes, input.recvTime);
      const measurements: Measurement[] = [];
      let device: DeviceStatus | undefined;
      for (const s of decoded.samples) {
        const part = config.canonical(s.canonical, s.canonicalValue);
        if (part?.measurement) {
          const m: Measurement = part.measurement;
          if (s.at) m.at = s.at;
          measurements.push(m);
        }
        if (part?.device) device = Object.assign(device ?? {}, part.device);
      }
      const alarms: AlarmCode[] = decoded.alarm ? ['threshold'] : [];
      const vendor = decoded.vendor;
      const out: DecodedPayload = device ? { codec: meta.id, measurements, alarms, device, vendor } : { codec: meta.id, measurements, alarms, vendor };
      if (decoded.warnings.length) out.warnings = decoded.warnings;
      return out;
    },
  };
  if (config.encode) codec.encode = config.encode;
  return codec;
}
