import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { RefreshTokenEntity } from '../database/entities/refresh-token.entity';
import { SessionEntity } from '../database/entities/session.entity';

export interface NewSession {
  id: string;
  userId: string;
  expiresAt: Date;
  ip?: string | null;
  userAgent?: string | null;
}

export interface IssuedToken {
  tokenHash: string;
  expiresAt: Date;
}

/** A presented refresh token with the session (family) it belongs to. */
export interface RefreshTokenRecord {
  token: RefreshTokenEntity;
  session: SessionEntity;
}

export type RotateOutcome = 'rotated' | 'already-spent';

/** Sessions (refresh token families) and their tokens. */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  /** Opens a session with its first refresh token, in one transaction. */
  async open(tenantId: TenantId, session: NewSession, first: IssuedToken): Promise<SessionEntity> {
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(SessionEntity).save(
        manager.create(SessionEntity, { ...session, tenantId, ip: session.ip ?? null, userAgent: session.userAgent ?? null, revokedAt: null, revokedReason: null, lastRefreshedAt: null }),
      );
      await manager.getRepository(RefreshTokenEntity).insert({ sessionId: saved.id, tenantId, tokenHash: first.tokenHash, expiresAt: first.expiresAt });
      return saved;
    });
  }

  /**
   * Finds a refresh token by its hash. The token is the credential: it names its tenant itself, so
   * this is the one lookup of the table that starts without a tenant id (as login starts from a slug).
   */
  async findByTokenHashForRefresh(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const token = await this.db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    if (!token) return null;
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id: token.sessionId, tenantId: token.tenantId });
    return session ? { token, session } : null;
  }

  findSession(tenantId: TenantId, sessionId: string): Promise<SessionEntity | null> {
    return this.db.getRepository(SessionEntity).findOneBy({ tenantId, id: sessionId });
  }

  /**
   * Spends `tokenId` and issues its successor in the same session, atomically: when two requests race
   * with one token, exactly one rotates and the other sees `already-spent`.
   */
  async rotate(tenantId: TenantId, sessionId: string, tokenId: string, next: IssuedToken): Promise<RotateOutcome> {
    return this.db.transaction(async (manager) => {
      const spent = await manager
        .getRepository(RefreshTokenEntity)
        .update({ tenantId, id: tokenId, sessionId, spentAt: IsNull() }, { spentAt: () => 'now()' });
      if ((spent.affected ?? 0) === 0) return 'already-spent';
      await manager.getRepository(RefreshTokenEntity).insert({ sessionId, tenantId, tokenHash: next.tokenHash, expiresAt: next.expiresAt });
      await manager.getRepository(SessionEntity).update({ tenantId, id: sessionId }, { lastRefreshedAt: () => 'now()' });
      return 'rotated';
    });
  }

  /** Revokes one session; true when it was still open. */
  async revoke(tenantId: TenantId, sessionId: string, reason: string): Promise<boolean> {
    const result = await this.db
      .getRepository(SessionEntity)
      .update({ tenantId, id: sessionId, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokedReason: reason });
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every open session of a user (but `exceptSessionId`); returns the ids it revoked. */
  async revokeAllOfUser(tenantId: TenantId, userId: string, reason: string, exceptSessionId?: string): Promise<string[]> {
    const rows = (await this.db.query(
      `UPDATE "system"."sessions" SET revoked_at = now(), revoked_reason = $3
       WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid) RETURNING id`,
      [tenantId, userId, reason, exceptSessionId ?? null],
    )) as [{ id: string }[], number];
    return rows[0].map((row) => row.id);
  }

  /** Revokes every open session of every user of the tenant; returns the ids it revoked. */
  async revokeAllOfTenant(tenantId: TenantId, reason: string): Promise<string[]> {
    const rows = (await this.db.query(
      `UPDATE "system"."sessions" SET revoked_at = now(), revoked_reason = $2
       WHERE tenant_id = $1 AND revoked_at IS NULL RETURNING id`,
      [tenantId, reason],
    )) as [{ id: string }[], number];
    return rows[0].map((row) => row.id);
  }
}
