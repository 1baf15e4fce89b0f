import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { APP_CONFIG } from '@app/common';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_AUDIENCE, JWT_ISSUER } from '@app/contracts';
import type { Permission, Role } from '@app/contracts';
import type { SystemConfig } from '../config';

export interface AccessTokenSubject {
  userId: string;
  tenantId: string;
  roles: Role[];
  permissions: Permission[];
  sessionId: string;
  consumerId?: string | null;
}

/** Signs access tokens (HS256, JWT_SECRET, 15 minutes). The gateway verifies them with the same secret. */
@Injectable()
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: Pick<SystemConfig, 'JWT_SECRET'>) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  sign(subject: AccessTokenSubject, now = new Date()): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      tenant: subject.tenantId,
      roles: subject.roles,
      perms: subject.permissions,
      sid: subject.sessionId,
      ...(subject.consumerId ? { cid: subject.consumerId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject.userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.key);
  }
}
