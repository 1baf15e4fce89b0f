/** Why a payload could not be decoded. Wire names (stored with dead letters): add, never rename. */
export const CODEC_ERROR_CODES = [
  'TRUNCATED',
  'OVERSIZED',
  'MALFORMED',
  'UNSUPPORTED_PORT',
  'UNSUPPORTED_FRAME',
  'UNKNOWN_CODEC',
  'CRC_MISMATCH',
  'KEY_NEEDED',
  'WRONG_KEY',
  'MISSING_CONTEXT',
  'UNSUPPORTED_COMMAND',
  'INVALID_COMMAND',
  'DECODER_BUG',
] as const;
export type CodecErrorCode = (typeof CODEC_ERROR_CODES)[number];

/** The only error codecs throw: a code and a human reason, never a TypeError or a silently wrong value. */
export class CodecError extends Error {
  constructor(
    readonly code: CodecErrorCode,
    message: string,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(message);
    this.name = 'CodecError';
  }

  toJSON(): { code: CodecErrorCode; message: string; details?: Record<string, string | number | boolean> } {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
