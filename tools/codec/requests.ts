import { CodecError, decodeUplink, decodeWmbus, hexToBytes } from '@app/codecs';
import type { DecodedPayload } from '@app/codecs';

export interface LorawanRequest {
  codec: string;
  fPort: number;
  hex: string;
  recvTime?: string;
}

export interface WmbusRequest {
  hex: string;
  key?: string;
  prior?: string[];
}

export type Outcome = { ok: true; result: DecodedPayload } | { ok: false; error: { code: string; message: string } };

function fail(code: string, message: string): Outcome {
  return { ok: false, error: { code, message } };
}

function outcomeOf(run: () => DecodedPayload): Outcome {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (error instanceof CodecError) return fail(error.code, error.message);
    return fail('DECODER_BUG', error instanceof Error ? error.message : String(error));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates one `{"codec","fPort","hex"}` request (from a JSONL line or the options) and decodes it. */
export function decodeLorawanRequest(request: unknown): Outcome {
  if (!isRecord(request)) return fail('MALFORMED', 'request must be a JSON object {"codec","fPort","hex"}');
  const { codec, fPort, hex, recvTime } = request;
  if (typeof codec !== 'string' || !codec) return fail('MALFORMED', 'codec: a codec id string is required');
  if (typeof fPort !== 'number' || !Number.isInteger(fPort)) return fail('MALFORMED', 'fPort: an integer is required');
  if (typeof hex !== 'string') return fail('MALFORMED', 'hex: a hex string is required');
  if (recvTime !== undefined && typeof recvTime !== 'string') return fail('MALFORMED', 'recvTime: an ISO-8601 string');
  return outcomeOf(() => decodeUplink(codec, fPort, hexToBytes(hex), recvTime));
}

/** Validates one `{"hex","key","prior"}` request and decodes the telegram (prior telegrams first). */
export function decodeWmbusRequest(request: unknown): Outcome {
  if (!isRecord(request)) return fail('MALFORMED', 'request must be a JSON object {"hex","key","prior"}');
  const { hex, key, prior } = request;
  if (typeof hex !== 'string') return fail('MALFORMED', 'hex: a hex string is required');
  if (key !== undefined && key !== null && typeof key !== 'string') return fail('MALFORMED', 'key: a 32-digit hex string');
  if (prior !== undefined && (!Array.isArray(prior) || prior.some((p) => typeof p !== 'string'))) {
    return fail('MALFORMED', 'prior: an array of hex strings');
  }
  return outcomeOf(() =>
    decodeWmbus(hexToBytes(hex), {
      ...(typeof key === 'string' && key && key.toUpperCase() !== 'NOKEY' ? { key: hexToBytes(key) } : {}),
      ...(Array.isArray(prior) ? { prior: (prior as string[]).map((p) => hexToBytes(p)) } : {}),
    }),
  );
}
