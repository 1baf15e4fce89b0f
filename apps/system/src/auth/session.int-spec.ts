import type { DataSource } from 'typeorm';
import { asTenantId } from '@app/contracts';
import type { Actor, DomainError, LoginResult, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { SystemHarness, TEST_PASSWORD } from '../../test/system-harness';
import { sha256Hex } from '../crypto/hashes';
import { SessionsRepository } from '../sessions/sessions.repository';
import { UsersService } from '../users/users.service';
import { AuthRpc } from './auth.rpc';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (e: DomainError) => e.code);

describe('sessions: refresh rotation, reuse detection, logout (real PostgreSQL and Redis)', () => {
  let h: SystemHarness;
  let sessions: SessionService;

  beforeAll(async () => {
    h = await SystemHarness.start();
    sessions = h.get(SessionService);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function signIn(): Promise<{ result: LoginResult; tenantId: TenantId }> {
    const { tenant, tenantId } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator']);
    const result = await h.get(LoginService).login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD, ip: '10.9.9.9' });
    return { result, tenantId };
  }

  function actorOf(result: LoginResult): Actor {
    const { me } = result;
    return { kind: 'user', id: me.id, tenantId: me.tenant.id, roles: me.roles, permissions: me.permissions, sessionId: result.sessionId };
  }

  it('stores only the SHA-256 of refresh tokens', async () => {
    const { result } = await signIn();
    const rows = (await h.app.get<DataSource>(POSTGRES).query('SELECT token_hash FROM "system"."refresh_tokens" WHERE session_id = $1', [result.sessionId])) as { token_hash: string }[];
    expect(rows).toEqual([{ token_hash: sha256Hex(result.refreshToken) }]);
  });

  it('rotates: a refresh returns a new pair in the same session and spends the old token', async () => {
    const { result } = await signIn();
    const next = await sessions.refresh({ refreshToken: result.refreshToken });
    expect(next.sessionId).toBe(result.sessionId);
    expect(next.refreshToken).not.toBe(result.refreshToken);
    expect(next.accessToken).toBeTruthy();
    const third = await sessions.refresh({ refreshToken: next.refreshToken });
    expect(third.sessionId).toBe(result.sessionId);
  });

  it('revokes the whole family when a spent token is presented again', async () => {
    const { result, tenantId } = await signIn();
    const next = await sessions.refresh({ refreshToken: result.refreshToken });
    const reuse = (await sessions.refresh({ refreshToken: result.refreshToken }).catch((e: unknown) => e)) as DomainError;
    expect(reuse.code).toBe('UNAUTHENTICATED');
    expect(reuse.message).toMatch(/already used/);
    // The legitimate successor dies with the family.
    expect(await codeOf(sessions.refresh({ refreshToken: next.refreshToken }))).toBe('UNAUTHENTICATED');
    const session = await h.get(SessionsRepository).findSession(tenantId, result.sessionId);
    expect(session?.revokedReason).toBe('refresh_token_reuse');
    expect(await h.redis.get(`auth:revoked-session:${result.sessionId}`)).toBe('1');
    expect(await h.redis.ttl(`auth:revoked-session:${result.sessionId}`)).toBeGreaterThan(900);
  });

  it('lets exactly one of two racing refreshes with the same token win, and revokes the family', async () => {
    const { result } = await signIn();
    const outcomes = await Promise.all([codeOf(sessions.refresh({ refreshToken: result.refreshToken })), codeOf(sessions.refresh({ refreshToken: result.refreshToken }))]);
    expect(outcomes.sort()).toEqual(['OK', 'UNAUTHENTICATED']);
  });

  it('refuses unknown, malformed and expired refresh tokens', async () => {
    expect(await codeOf(sessions.refresh({ refreshToken: 'not-a-token' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(sessions.refresh({ refreshToken: 'A'.repeat(43) }))).toBe('UNAUTHENTICATED');
    const { result } = await signIn();
    const later = new Date(Date.now() + 15 * 24 * 3600 * 1000);
    expect(await codeOf(sessions.refresh({ refreshToken: result.refreshToken }, later))).toBe('UNAUTHENTICATED');
  });

  it('logs out: the session is revoked, its refresh token dead, and the gateway told at once', async () => {
    const { result } = await signIn();
    const actor = actorOf(result);
    expect(await h.as(actor, () => h.get(AuthRpc).logout())).toEqual({ revoked: true });
    expect(await codeOf(sessions.refresh({ refreshToken: result.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(await h.redis.get(`auth:revoked-session:${result.sessionId}`)).toBe('1');
    expect(await h.as(actor, () => h.get(AuthRpc).logout())).toEqual({ revoked: false });
  });

  it('ends every session of a user on revoke-sessions and stops their refresh', async () => {
    const { tenant, tenantId, adminActor } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['analyst']);
    const login = () => h.get(LoginService).login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD, ip: '10.9.9.8' });
    const [a, b] = [await login(), await login()];
    expect(await h.as(adminActor, () => h.get(UsersService).revokeSessions(tenantId, user.id))).toEqual({ revoked: 2 });
    expect(await codeOf(sessions.refresh({ refreshToken: a.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(sessions.refresh({ refreshToken: b.refreshToken }))).toBe('UNAUTHENTICATED');
    for (const id of [a.sessionId, b.sessionId]) expect(await h.redis.get(`auth:revoked-session:${id}`)).toBe('1');
  });

  it('answers me for a user actor from the database', async () => {
    const { result, tenantId } = await signIn();
    const actor = actorOf(result);
    expect(await h.as(actor, () => h.get(AuthRpc).me())).toEqual(result.me);
    await expect(Promise.resolve().then(() => h.get(AuthRpc).me())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(asTenantId(result.me.tenant.id)).toBe(tenantId);
  });
});
