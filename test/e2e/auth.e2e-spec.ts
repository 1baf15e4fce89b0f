import type { ApiKeyView, CreatedApiKey, LoginResult, MeView, SessionResponse, UserPage, UserView } from '@app/contracts';
import { Stack, apiCall, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(120_000);

const API = '/api/v1';
const DEMO_ADMIN = 'admin@demo.example';

describe('identity over HTTP against the real stack (seeded)', () => {
  let stack: Stack;
  const call = <T>(method: string, path: string, options?: Parameters<typeof apiCall>[3]) => apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, options);

  beforeAll(async () => {
    stack = await Stack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('logs in, answers me, refreshes with rotation, and logs out (tokens dead at once)', async () => {
    const login = await call<LoginResult>('POST', '/auth/login', { body: { tenant: DEMO_TENANT.slug, email: DEMO_ADMIN, password: DEFAULT_DEMO_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, me: { email: DEMO_ADMIN, roles: ['tenant_admin'], tenant: { slug: 'demo' } } });

    const me = await call<MeView>('GET', '/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', email: DEMO_ADMIN, sessionId: login.body.sessionId });
    expect(me.body.permissions).toEqual(expect.arrayContaining(['users:manage', 'apikeys:manage']));

    const refreshed = await call<LoginResult>('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect(refreshed.body.sessionId).toBe(login.body.sessionId);
    expect((await call('GET', '/auth/me', { token: refreshed.body.accessToken })).status).toBe(200);

    const logout = await call('POST', '/auth/logout', { token: refreshed.body.accessToken });
    expect(logout).toMatchObject({ status: 200, body: { revoked: true } });
    const after = await call<{ error: { code: string } }>('GET', '/auth/me', { token: refreshed.body.accessToken });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect(after.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await call('POST', '/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(401);
  });

  it('revokes the whole session when a spent refresh token comes back', async () => {
    const session = await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'operator@demo.example', DEFAULT_DEMO_PASSWORD);
    const next = await call<LoginResult>('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(next.status).toBe(200);
    const replay = await call<{ error: { code: string; message: string } }>('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already used/);
    expect((await call('GET', '/auth/me', { token: next.body.accessToken })).status).toBe(401);
    expect((await call('POST', '/auth/refresh', { body: { refreshToken: next.body.refreshToken } })).status).toBe(401);
  });

  it('keeps the console\'s refresh token in an httpOnly cookie when asked', async () => {
    const login = await call<SessionResponse>('POST', '/auth/login', { body: { tenant: 'demo', email: 'analyst@demo.example', password: DEFAULT_DEMO_PASSWORD, session: 'cookie' } });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toBeUndefined();
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ohes_refresh=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    const refreshed = await call<SessionResponse>('POST', '/auth/refresh', { body: {}, headers: { cookie: cookie.split(';')[0] } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    expect(refreshed.headers.get('set-cookie')).not.toContain(cookie.split(';')[0]);
    const logout = await call('POST', '/auth/logout', { token: refreshed.body.accessToken });
    expect(logout.headers.get('set-cookie')).toMatch(/^ohes_refresh=;/);
  });

  it('answers wrong credentials with one 401, and locks after repeated failures with 429', async () => {
    const wrong = (email: string) => call<{ error: { code: string; message: string } }>('POST', '/auth/login', { body: { tenant: 'demo', email, password: 'Not-The-Password-1' } });
    const [known, unknown] = await Promise.all([wrong('billing@demo.example'), wrong('nobody@demo.example')]);
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(known.body.error.message).toBe(unknown.body.error.message);
    for (let i = 0; i < 4; i++) await wrong('billing@demo.example');
    const locked = await call<{ error: { code: string } }>('POST', '/auth/login', { body: { tenant: 'demo', email: 'billing@demo.example', password: DEFAULT_DEMO_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');

    const admin = await signIn(stack.gatewayUrl, 'demo', DEMO_ADMIN, DEFAULT_DEMO_PASSWORD);
    const users = await call<UserPage>('GET', '/users?search=billing', { token: admin.accessToken });
    const billing = users.body.items[0];
    expect(billing.lockedUntil).not.toBeNull();
    expect((await call<UserView>('POST', `/users/${billing.id}/unlock`, { token: admin.accessToken })).body.lockedUntil).toBeNull();
    expect((await call('POST', '/auth/login', { body: { tenant: 'demo', email: 'billing@demo.example', password: DEFAULT_DEMO_PASSWORD } })).status).toBe(200);
    const events = await call<{ outcome: string; email: string }[]>('GET', '/login-events?limit=50', { token: admin.accessToken });
    expect(events.body.filter((e) => e.email === 'billing@demo.example').map((e) => e.outcome)).toEqual(expect.arrayContaining(['success', 'locked', 'failure']));
  });

  it('creates an API key shown once, uses it with both headers, and stops it on revocation', async () => {
    const admin = await signIn(stack.gatewayUrl, 'demo', DEMO_ADMIN, DEFAULT_DEMO_PASSWORD);
    const created = await call<CreatedApiKey>('POST', '/api-keys', { token: admin.accessToken, body: { name: 'CIS', permissions: ['users:read', 'self:read'] } });
    expect(created.status).toBe(201);
    const { key } = created.body;
    expect(key).toMatch(/^ohk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);

    for (const credentials of [{ token: key }, { apiKey: key }]) {
      const me = await call<MeView>('GET', '/auth/me', credentials);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ kind: 'api_key', displayName: 'CIS', permissions: ['users:read', 'self:read'], tenant: { slug: 'demo' } });
      expect((await call('GET', '/users', credentials)).status).toBe(200);
      expect((await call('POST', '/users', { ...credentials, body: {} })).status).toBe(403);
    }
    const listed = await call<ApiKeyView[]>('GET', '/api-keys', { token: admin.accessToken });
    const entry = listed.body.find((k) => k.id === created.body.id);
    expect(entry?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(13));

    expect((await call('DELETE', `/api-keys/${created.body.id}`, { token: admin.accessToken })).status).toBe(200);
    expect((await call('GET', '/users', { apiKey: key })).status).toBe(401);
    expect((await call('GET', '/users', { token: key })).status).toBe(401);
    expect((await call('GET', '/users', { apiKey: 'ohk_garbage' })).status).toBe(401);
  });

  it('keeps tenants apart: another tenant\'s user or key by id is 404', async () => {
    const root = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const other = await call('POST', '/tenants', {
      token: root.accessToken,
      body: { slug: 'other-utility', name: 'Other', admin: { email: 'admin@other.example', displayName: 'Other Admin', password: 'Other-Admin-2025!' } },
    });
    expect(other.status).toBe(201);
    const otherAdmin = await signIn(stack.gatewayUrl, 'other-utility', 'admin@other.example', 'Other-Admin-2025!');
    const demoAdmin = await signIn(stack.gatewayUrl, 'demo', DEMO_ADMIN, DEFAULT_DEMO_PASSWORD);
    const demoUser = (await call<UserPage>('GET', '/users?search=operator', { token: demoAdmin.accessToken })).body.items[0];
    const demoKey = (await call<CreatedApiKey>('POST', '/api-keys', { token: demoAdmin.accessToken, body: { name: 'demo only', permissions: ['devices:read'] } })).body;

    const reads = await Promise.all([
      call<{ error: { code: string } }>('GET', `/users/${demoUser.id}`, { token: otherAdmin.accessToken }),
      call<{ error: { code: string } }>('PATCH', `/users/${demoUser.id}`, { token: otherAdmin.accessToken, body: { displayName: 'pwned' } }),
      call<{ error: { code: string } }>('DELETE', `/api-keys/${demoKey.id}`, { token: otherAdmin.accessToken }),
    ]);
    for (const answer of reads) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(answer.body)).not.toContain(demoUser.email);
    }
    expect((await call<UserPage>('GET', '/users', { token: otherAdmin.accessToken })).body.items.map((u) => u.email)).toEqual(['admin@other.example']);
    expect((await call<ApiKeyView[]>('GET', '/api-keys', { token: otherAdmin.accessToken })).body).toEqual([]);
  });

  it('never writes a password, a token or an API key into any log', async () => {
    const session = await signIn(stack.gatewayUrl, 'demo', DEMO_ADMIN, DEFAULT_DEMO_PASSWORD);
    const key = (await call<CreatedApiKey>('POST', '/api-keys', { token: session.accessToken, body: { name: 'log check', permissions: ['self:read'] } })).body.key;
    await call('GET', '/auth/me', { apiKey: key });
    await call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    const secret = key.split('_')[2];
    for (const app of ['gateway', 'system'] as const) {
      const output = stack.rawOutput(app);
      for (const value of [DEFAULT_DEMO_PASSWORD, session.refreshToken, session.accessToken, secret]) expect(output).not.toContain(value);
    }
  });

  it('carries the actor into the services: system logs it with the correlation id', async () => {
    const admin = await signIn(stack.gatewayUrl, 'demo', DEMO_ADMIN, DEFAULT_DEMO_PASSWORD);
    const correlationId = `actor-${Date.now()}`;
    expect((await call('GET', '/users', { token: admin.accessToken, headers: { 'x-correlation-id': correlationId } })).status).toBe(200);
    const line = await stack.waitForLog('system', (l) => l.correlationId === correlationId && l.msg === 'rpc request');
    expect(line).toMatchObject({ actor: `user:${admin.me.id}`, tenantId: admin.me.tenant.id });
  });
});
