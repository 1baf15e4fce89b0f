import { CodecError } from './errors';
import { LORAWAN_CODECS } from './lorawan';
import type { CodecMeta, DecodedPayload, DownlinkCommand, EncodedDownlink, LorawanCodec } from './types';

/** Largest LoRaWAN application payload (DR with the biggest MTU, 242 bytes) plus slack for repeaters. */
export const MAX_LORAWAN_PAYLOAD = 256;

const byId = new Map<string, LorawanCodec>();
for (const codec of LORAWAN_CODECS) {
  if (byId.has(codec.meta.id)) throw new Error(`codec ${codec.meta.id} is registered twice`);
  byId.set(codec.meta.id, codec);
}

export function listCodecs(): CodecMeta[] {
  return [...byId.values()].map((c) => c.meta).sort((a, b) => a.id.localeCompare(b.id));
}

export function getCodec(id: string): LorawanCodec {
  const codec = byId.get(id);
  if (!codec) throw new CodecError('UNKNOWN_CODEC', `no codec with id "${id}"`, { codec: id });
  return codec;
}

export function hasCodec(id: string): boolean {
  return byId.has(id);
}

/** Turns anything a decoder throws into a CodecError; a non-CodecError is a decoder bug, named as such. */
export function asCodecError(error: unknown, codec: string): CodecError {
  if (error instanceof CodecError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CodecError('DECODER_BUG', `${codec} failed unexpectedly: ${reason}`, { codec });
}

/**
 * Decodes one LoRaWAN uplink with the codec `codecId`. Oversized payloads and fPort 0 are refused
 * before the codec sees them; every failure is a CodecError.
 */
export function decodeUplink(codecId: string, fPort: number, bytes: Uint8Array, recvTime?: string): DecodedPayload {
  const codec = getCodec(codecId);
  if (!Number.isInteger(fPort) || fPort < 1 || fPort > 255) {
    throw new CodecError('UNSUPPORTED_PORT', `fPort ${fPort} is not an application port (1-255)`, { fPort });
  }
  if (bytes.length > MAX_LORAWAN_PAYLOAD) {
    throw new CodecError('OVERSIZED', `payload of ${bytes.length} bytes exceeds ${MAX_LORAWAN_PAYLOAD}`, { length: bytes.length });
  }
  try {
    return codec.decode({ bytes, fPort, recvTime });
  } catch (error) {
    throw asCodecError(error, codecId);
  }
}

export function encodeDownlink(codecId: string, command: DownlinkCommand): EncodedDownlink {
  const codec = getCodec(codecId);
  if (!codec.encode || !codec.meta.downlinks.includes(command.type)) {
    throw new CodecError('UNSUPPORTED_COMMAND', `${codecId} cannot encode a ${command.type} command`, { codec: codecId });
  }
  try {
    return codec.encode(command);
  } catch (error) {
    throw asCodecError(error, codecId);
  }
}
