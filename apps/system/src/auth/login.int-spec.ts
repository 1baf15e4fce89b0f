import { jwtVerify } from 'jose';
import { JWT_AUDIENCE, JWT_ISSUER } from '@app/contracts';
import type { AccessTokenClaims, DomainError, LoginRequest } from '@app/contracts';
import { SystemHarness, TEST_PASSWORD } from '../../test/system-harness';
import { LoginEventsRepository } from '../login-events/login-events.repository';
import { TenantsService } from '../tenants/tenants.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { LoginService } from './login.service';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (e: DomainError) => `${e.code}: ${e.message}`);

describe('login (real PostgreSQL and Redis)', () => {
  let h: SystemHarness;
  let login: LoginService;
  let seq = 0;
  // Each test its own client address, so the per-address limit of one test does not leak into another.
  const ip = () => `10.0.${Math.floor(++seq / 250)}.${seq % 250}`;

  beforeAll(async () => {
    h = await SystemHarness.start({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', LOGIN_IP_MAX_FAILURES: '8' });
    login = h.get(LoginService);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs in with tenant slug, email and password and returns a 15-minute HS256 token with the claims', async () => {
    const { tenant, tenantId } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator', 'analyst'], 'Ops@Login.test');
    const result = await login.login({ tenant: tenant.slug.toUpperCase(), email: 'OPS@login.test', password: TEST_PASSWORD, ip: ip(), userAgent: 'jest' });
    expect(result).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, me: { kind: 'user', id: user.id, email: 'ops@login.test', tenant: { slug: tenant.slug } } });
    expect(result.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { payload, protectedHeader } = await jwtVerify<AccessTokenClaims>(result.accessToken, new TextEncoder().encode(h.config.JWT_SECRET), {
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: user.id, tenant: tenantId, roles: ['operator', 'analyst'], sid: result.sessionId });
    expect(payload.perms).toEqual(expect.arrayContaining(['devices:write', 'analytics:read']));
    expect(payload.exp - payload.iat).toBe(900);
    const events = await h.get(LoginEventsRepository).list(tenantId, { limit: 10 });
    expect(events[0]).toMatchObject({ outcome: 'success', userId: user.id, email: 'ops@login.test', userAgent: 'jest' });
  });

  it('answers every wrong credential the same way and records each failure', async () => {
    const { tenant, tenantId } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator']);
    const from = ip();
    const answers = await Promise.all([
      codeOf(login.login({ tenant: tenant.slug, email: user.email, password: 'Wrong-Password-1', ip: from })),
      codeOf(login.login({ tenant: tenant.slug, email: 'nobody@login.test', password: TEST_PASSWORD, ip: from })),
      codeOf(login.login({ tenant: 'no-such-tenant', email: user.email, password: TEST_PASSWORD, ip: from })),
    ]);
    expect(new Set(answers)).toEqual(new Set(['UNAUTHENTICATED: Invalid tenant, email or password']));
    const events = await h.get(LoginEventsRepository).list(tenantId, { limit: 10 });
    expect(events.map((e) => [e.outcome, e.reason]).sort()).toEqual([['failure', 'bad_password'], ['failure', 'unknown_email']]);
  });

  it('locks an account after repeated failures, even against the right password, until unlocked', async () => {
    const { tenant, tenantId, adminActor } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator']);
    const attempt = (password: string, request: Partial<LoginRequest> = {}) =>
      codeOf(login.login({ tenant: tenant.slug, email: user.email, password, ip: ip(), ...request }));
    for (let i = 0; i < 3; i++) expect(await attempt('Wrong-Password-1')).toMatch(/^UNAUTHENTICATED/);
    expect(await attempt(TEST_PASSWORD)).toMatch(/^RATE_LIMITED: Too many failed attempts/);
    const locked = await h.get(UsersRepository).findById(tenantId, user.id);
    expect(locked?.failedLoginCount).toBe(3);
    expect(locked?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const events = await h.get(LoginEventsRepository).list(tenantId, { userId: user.id, limit: 10 });
    expect(events[0]).toMatchObject({ outcome: 'locked', reason: 'account_locked' });
    expect(events[1].reason).toMatch(/^bad_password; locked until/);

    await h.as(adminActor, () => h.get(UsersService).unlock(tenantId, user.id));
    expect(await attempt(TEST_PASSWORD)).toBe('OK');
  });

  it('locks an unknown email exactly like a known one, so a lockout reveals nothing', async () => {
    const { tenant } = await h.tenantWithAdmin();
    const attempt = () => codeOf(login.login({ tenant: tenant.slug, email: 'ghost@login.test', password: TEST_PASSWORD, ip: ip() }));
    for (let i = 0; i < 3; i++) expect(await attempt()).toMatch(/^UNAUTHENTICATED/);
    expect(await attempt()).toMatch(/^RATE_LIMITED: Too many failed attempts/);
  });

  it('limits failed attempts per client address across accounts', async () => {
    const { tenant, tenantId } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator']);
    const from = '192.0.2.77';
    for (let i = 0; i < 8; i++) {
      expect(await codeOf(login.login({ tenant: tenant.slug, email: `someone${i}@login.test`, password: 'x', ip: from }))).toMatch(/^UNAUTHENTICATED/);
    }
    expect(await codeOf(login.login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD, ip: from }))).toMatch(/^RATE_LIMITED: Too many failed sign-ins from this address/);
    expect(await codeOf(login.login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD, ip: ip() }))).toBe('OK');
    const events = await h.get(LoginEventsRepository).list(tenantId, { outcome: 'rate_limited', limit: 10 });
    expect(events).toEqual([expect.objectContaining({ ip: from, reason: 'address_rate_limited' })]);
  });

  it('refuses users of a suspended tenant and disabled users', async () => {
    const { tenant, tenantId, adminActor } = await h.tenantWithAdmin();
    const user = await h.user(tenantId, ['operator']);
    await h.as(adminActor, () => h.get(UsersService).update({ actor: adminActor, tenantId }, { id: user.id, status: 'disabled' }));
    expect(await codeOf(login.login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD, ip: ip() }))).toMatch(/^UNAUTHENTICATED/);
    const other = await h.user(tenantId, ['operator']);
    const platform = await h.tenantWithAdmin();
    const root = { kind: 'user' as const, id: platform.admin.id, tenantId: platform.tenantId, roles: ['platform_admin' as const], permissions: ['tenants:manage' as const] };
    await h.get(TenantsService).update({ actor: root, tenantId: platform.tenantId }, { id: tenantId, status: 'suspended' });
    expect(await codeOf(login.login({ tenant: tenant.slug, email: other.email, password: TEST_PASSWORD, ip: ip() }))).toMatch(/^UNAUTHENTICATED/);
  });
});
