import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { errors, jwtVerify } from 'jose';
import { APP_CONFIG, REDIS } from '@app/common';
import { AuthRedisKeys, DomainError, JWT_AUDIENCE, JWT_ISSUER, isPermission, isRole } from '@app/contracts';
import type { AccessTokenClaims, Actor } from '@app/contracts';
import type { GatewayConfig } from '../config';

function isClaims(payload: Record<string, unknown>): payload is Record<string, unknown> & AccessTokenClaims {
  return (
    typeof payload.sub === 'string' &&
    typeof payload.tenant === 'string' &&
    typeof payload.sid === 'string' &&
    Array.isArray(payload.roles) &&
    payload.roles.every(isRole) &&
    Array.isArray(payload.perms) &&
    payload.perms.every(isPermission) &&
    (payload.cid === undefined || typeof payload.cid === 'string')
  );
}

/**
 * Verifies access tokens locally (HS256 with the shared JWT_SECRET, issuer, audience, expiry), then
 * asks Redis whether their session was revoked since: logout and revocation take effect at once,
 * not when the token expires. Redis unreachable means 503, never "let it through".
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) config: Pick<GatewayConfig, 'JWT_SECRET'>,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async verify(token: string, ip: string | undefined): Promise<Actor> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE, requiredClaims: ['exp', 'iat', 'sub'] }));
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new DomainError('UNAUTHENTICATED', expired ? 'The access token has expired: refresh it' : 'Invalid access token');
    }
    if (!isClaims(payload)) throw new DomainError('UNAUTHENTICATED', 'Invalid access token');
    if (await this.revoked(payload.sid)) throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again');
    return {
      kind: 'user',
      id: payload.sub,
      tenantId: payload.tenant,
      roles: payload.roles,
      permissions: payload.perms,
      sessionId: payload.sid,
      ...(payload.cid ? { consumerId: payload.cid } : {}),
      ...(ip ? { ip } : {}),
    };
  }

  private async revoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(AuthRedisKeys.revokedSession(sessionId))) === 1;
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', `Cannot check the session: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
