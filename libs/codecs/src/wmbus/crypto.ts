import { cbcDecrypt, cbcDecryptInto, cbcEncrypt, ctr, encryptBlock, aesSchedule } from './aes';

/**
 * AES-128 for EN 13757-7 / OMS security: CBC (modes 5 and 7), CTR (ELL), CMAC (mode 7 key
 * derivation and MAC, OMS Annex / RFC 4493). Built on the table-driven cipher in aes.ts with a
 * key-schedule cache; derived session keys and CMAC subkeys are cached as well.
 */

export const ZERO_IV = new Uint8Array(16);

export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return cbcDecrypt(key, iv, data);
}

/** CBC-decrypts `n` bytes of `src` at `srcOff` into `dst` at `dstOff` (`dst` must not overlap `src`). */
export function aesCbcDecryptInto(key: Uint8Array, iv: Uint8Array, src: Uint8Array, srcOff: number, n: number, dst: Uint8Array, dstOff: number): void {
  cbcDecryptInto(key, iv, src, srcOff, n, dst, dstOff);
}

export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return cbcEncrypt(key, iv, data);
}

/** CTR is its own inverse. */
export function aesCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return ctr(key, iv, data);
}

export function aesEcbEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  encryptBlock(aesSchedule(key), block, 0, out, 0);
  return out;
}

function shiftLeft(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i] << 1) | (i < 15 ? b[i + 1] >> 7 : 0)) & 0xff;
  if (b[0] & 0x80) out[15] ^= 0x87;
  return out;
}

function keyId(key: Uint8Array): string {
  let s = '';
  for (let i = 0; i < key.length; i++) s += String.fromCharCode(key[i]);
  return s;
}

const subkeyCache = new Map<string, [Uint8Array, Uint8Array]>();

function subkeys(key: Uint8Array): [Uint8Array, Uint8Array] {
  const id = keyId(key);
  let k = subkeyCache.get(id);
  if (!k) {
    const k1 = shiftLeft(aesEcbEncryptBlock(key, ZERO_IV));
    k = [k1, shiftLeft(k1)];
    if (subkeyCache.size >= 4096) subkeyCache.clear();
    subkeyCache.set(id, k);
  }
  return k;
}

/** AES-CMAC (RFC 4493). */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const [k1, k2] = subkeys(key);
  const n = Math.max(1, Math.ceil(message.length / 16));
  const complete = message.length > 0 && message.length % 16 === 0;
  const padded = new Uint8Array(n * 16);
  padded.set(message);
  if (!complete) padded[message.length] = 0x80;
  const last = (n - 1) * 16;
  const sub = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) padded[last + i] ^= sub[i];
  const out = cbcEncrypt(key, ZERO_IV, padded);
  return out.subarray(out.length - 16);
}

const derivedCache = new Map<string, Uint8Array>();

/**
 * OMS security profile B (TPL mode 7) key derivation: Kenc/Kmac = CMAC(K, DC || counter(4) || id(4) || 0x07 * 7),
 * DC 0x00 = encryption key from the meter, 0x01 = MAC key from the meter. Cached per input.
 */
export function deriveOmsKey(key: Uint8Array, dc: number, counter: Uint8Array, id: Uint8Array): Uint8Array {
  const input = new Uint8Array(16);
  input[0] = dc;
  input.set(counter.subarray(0, 4), 1);
  input.set(id.subarray(0, 4), 5);
  input.fill(0x07, 9);
  const cacheKey = keyId(key) + keyId(input);
  let k = derivedCache.get(cacheKey);
  if (!k) {
    k = aesCmac(key, input);
    if (derivedCache.size >= 4096) derivedCache.clear();
    derivedCache.set(cacheKey, k);
  }
  return k;
}
