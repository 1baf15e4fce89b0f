import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS, asTenantId, permissionsOfRoles } from '@app/contracts';
import type { LoginResult } from '@app/contracts';
import type { TenantEntity } from '../database/entities/tenant.entity';
import type { UserEntity } from '../database/entities/user.entity';
import { generateRefreshToken } from '../sessions/refresh-token-secret';
import { SessionsRepository } from '../sessions/sessions.repository';
import { TokenIssuer } from '../sessions/token-issuer';
import { userMeView } from './me.view';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** Opens sessions and builds token pairs: a 15-minute access token and the session's current refresh token. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly issuer: TokenIssuer,
  ) {}

  /** A new session (refresh token family) for a user who just proved who they are. */
  async open(user: UserEntity, tenant: TenantEntity, client: ClientInfo, now = new Date()): Promise<LoginResult> {
    const sessionId = randomUUID();
    const refresh = generateRefreshToken();
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.sessions.open(
      asTenantId(tenant.id),
      { id: sessionId, userId: user.id, expiresAt, ip: client.ip, userAgent: client.userAgent?.slice(0, 512) },
      { tokenHash: refresh.tokenHash, expiresAt },
    );
    return this.pair(user, tenant, sessionId, refresh.token, expiresAt, now);
  }

  async pair(user: UserEntity, tenant: TenantEntity, sessionId: string, refreshToken: string, sessionExpiresAt: Date, now = new Date()): Promise<LoginResult> {
    const accessToken = await this.issuer.sign(
      { userId: user.id, tenantId: tenant.id, roles: user.roles, permissions: permissionsOfRoles(user.roles), sessionId, consumerId: user.consumerId },
      now,
    );
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: Math.max(0, Math.floor((sessionExpiresAt.getTime() - now.getTime()) / 1000)),
      sessionId,
      me: userMeView(user, tenant, sessionId),
    };
  }
}
