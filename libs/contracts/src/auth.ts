/**
 * What the gateway and the system service must agree on about tokens and API keys: lifetimes, JWT
 * claims, the API key format and the Redis keys through which revocations reach the gateway at once.
 * Wire names: add and deprecate, never rename in place.
 */
import type { Permission, Role } from './access';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;
export const JWT_ISSUER = 'open-headend';
export const JWT_AUDIENCE = 'open-headend-api';

/** Claims of an access token (HS256, signed with JWT_SECRET). */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Tenant id. */
  tenant: string;
  roles: Role[];
  perms: Permission[];
  /** Session id: the refresh token family this token was issued in. */
  sid: string;
  /** Consumer id of a consumer user. */
  cid?: string;
  iat: number;
  exp: number;
}

/** `ohk_<8-char id>_<43-char secret>`: the id finds the key, the secret proves it (only its SHA-256 is stored). */
export const API_KEY_PATTERN = /^ohk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** How long the gateway caches an API key verification at most. */
export const API_KEY_CACHE_SECONDS = 60;

/** Redis keys written by the system service and read by the gateway. */
export const AuthRedisKeys = {
  /** Present while a revoked session's access tokens could still be unexpired. */
  revokedSession: (sessionId: string) => `auth:revoked-session:${sessionId}`,
  /** Cached verification of an API key, by the SHA-256 (hex) of the whole key. */
  apiKey: (keyHash: string) => `auth:api-key:${keyHash}`,
} as const;
