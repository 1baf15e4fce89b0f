import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../crypto/hashes';

/** 32 random bytes, base64url: 43 characters. */
const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface GeneratedRefreshToken {
  token: string;
  tokenHash: string;
}

/** A new opaque refresh token; only its SHA-256 is stored. */
export function generateRefreshToken(): GeneratedRefreshToken {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

/** The stored hash of a presented refresh token, or undefined when it cannot be one. */
export function refreshTokenHash(presented: string): string | undefined {
  return REFRESH_TOKEN_PATTERN.test(presented) ? sha256Hex(presented) : undefined;
}
