import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@app/common';
import { DomainError, asTenantId } from '@app/contracts';
import type { Actor, LoginResult, LogoutResult, MeView, RefreshRequest, TenantId } from '@app/contracts';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { generateRefreshToken, refreshTokenHash } from '../sessions/refresh-token-secret';
import { SessionRevocation } from '../sessions/session-revocation';
import { SessionsRepository } from '../sessions/sessions.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import { UsersRepository } from '../users/users.repository';
import { apiKeyMeView, userMeView } from './me.view';
import { SessionTokens } from './session-tokens';

const INVALID = 'Invalid or expired refresh token';

/**
 * Refresh with rotation and reuse detection, logout, and "who am I". A refresh token works once:
 * refreshing spends it and returns its successor; presenting a spent token again means it was
 * copied, so the whole family (the session) is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revocation: SessionRevocation,
    private readonly tokens: SessionTokens,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly apiKeys: ApiKeysRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async refresh(request: RefreshRequest, now = new Date()): Promise<LoginResult> {
    const tokenHash = refreshTokenHash(request.refreshToken);
    const record = tokenHash ? await this.sessions.findByTokenHashForRefresh(tokenHash) : null;
    if (!record) throw new DomainError('UNAUTHENTICATED', INVALID);
    const { token, session } = record;
    const tenantId = asTenantId(session.tenantId);
    if (session.revokedAt) throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again');
    if (token.spentAt) return this.reuseDetected(tenantId, session.id, session.userId);
    if (token.expiresAt.getTime() <= now.getTime() || session.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError('UNAUTHENTICATED', INVALID);
    }
    const [tenant, user] = await Promise.all([this.tenants.findById(tenantId), this.users.findById(tenantId, session.userId)]);
    if (!tenant || !user || tenant.status !== 'active' || user.status !== 'active') {
      await this.end(tenantId, session.id, 'account_inactive');
      throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again');
    }
    const next = generateRefreshToken();
    const outcome = await this.sessions.rotate(tenantId, session.id, token.id, { tokenHash: next.tokenHash, expiresAt: session.expiresAt });
    switch (outcome) {
      case 'already-spent':
        return this.reuseDetected(tenantId, session.id, session.userId);
      case 'rotated':
        return this.tokens.pair(user, tenant, session.id, next.token, session.expiresAt, now);
    }
  }

  /** Ends the session of the calling user (the `sid` of its access token). */
  async logout(actor: Actor): Promise<LogoutResult> {
    if (actor.kind !== 'user' || !actor.sessionId) return { revoked: false };
    const revoked = await this.end(asTenantId(actor.tenantId), actor.sessionId, 'logout');
    return { revoked };
  }

  async me(actor: Actor): Promise<MeView> {
    const tenantId = asTenantId(actor.tenantId);
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw new DomainError('UNAUTHENTICATED', 'The tenant no longer exists');
    switch (actor.kind) {
      case 'user': {
        const user = await this.users.findById(tenantId, actor.id);
        if (!user) throw new DomainError('UNAUTHENTICATED', 'The user no longer exists');
        return userMeView(user, tenant, actor.sessionId);
      }
      case 'api_key': {
        const key = await this.apiKeys.findById(tenantId, actor.id);
        if (!key) throw new DomainError('UNAUTHENTICATED', 'The API key no longer exists');
        return apiKeyMeView(key, tenant);
      }
    }
  }

  private async reuseDetected(tenantId: TenantId, sessionId: string, userId: string): Promise<never> {
    await this.end(tenantId, sessionId, 'refresh_token_reuse');
    this.logger.warn({ tenantId, userId, sessionId }, 'a spent refresh token was presented again: session revoked');
    throw new DomainError('UNAUTHENTICATED', 'This refresh token was already used; the session has been revoked. Sign in again');
  }

  private async end(tenantId: TenantId, sessionId: string, reason: string): Promise<boolean> {
    const revoked = await this.sessions.revoke(tenantId, sessionId, reason);
    await this.revocation.publish([sessionId]);
    return revoked;
  }
}
