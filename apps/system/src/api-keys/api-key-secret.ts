import { randomBytes, randomInt } from 'node:crypto';
import { API_KEY_PATTERN } from '@app/contracts';
import { sha256Hex } from '../crypto/hashes';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface GeneratedApiKey {
  /** The whole key, shown once: `ohk_<keyId>_<secret>`. */
  key: string;
  /** Public lookup id (8 characters). */
  keyId: string;
  /** SHA-256 (hex) of the whole key: what is stored. */
  keyHash: string;
}

export interface ParsedApiKey {
  keyId: string;
  keyHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = Array.from({ length: 8 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
  const key = `ohk_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { key, keyId, keyHash: sha256Hex(key) };
}

/** The lookup id and hash of a presented key, or undefined when it is not shaped like one of ours. */
export function parseApiKey(presented: string): ParsedApiKey | undefined {
  const match = API_KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  return { keyId: match[1], keyHash: sha256Hex(presented) };
}
