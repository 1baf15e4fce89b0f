const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='

/** Bytes a base64 text decodes to, if it has a valid length (no alphabet check). */
export function base64DecodedLength(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  const pad = text.charCodeAt(n - 1) === PAD ? (text.charCodeAt(n - 2) === PAD ? 2 : 1) : 0;
  return (n / 4) * 3 - pad;
}

/**
 * Decodes canonical standard base64 (RFC 4648 section 4), the only form ChirpStack emits for `bytes` fields
 * (pbjson): alphabet `A-Z a-z 0-9 + /`, padded to a multiple of 4 with `=`, unused trailing bits zero.
 * Anything else (URL-safe `-_`, missing padding, whitespace, `=` inside, non-zero trailing bits) is undefined
 * rather than silently repaired the way Buffer.from(text, 'base64') would.
 */
export function decodeStandardBase64(text: string): Buffer | undefined {
  const n = text.length;
  if (n === 0) return Buffer.alloc(0);
  if (n % 4 !== 0) return undefined;
  const pad = text.charCodeAt(n - 1) === PAD ? (text.charCodeAt(n - 2) === PAD ? 2 : 1) : 0;
  const end = n - pad;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || VALUE[c] < 0) return undefined;
  }
  if (pad === 2 && (VALUE[text.charCodeAt(n - 3)] & 0x0f) !== 0) return undefined;
  if (pad === 1 && (VALUE[text.charCodeAt(n - 2)] & 0x03) !== 0) return undefined;
  return Buffer.from(text, 'base64');
}
