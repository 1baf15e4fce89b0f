import { randomUUID } from 'node:crypto';
import { ROLES } from '@app/contracts';
import type { CreatedApiKey, Permission, Role } from '@app/contracts';
import { Stack, apiCall, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD } from '../../tools/seed-data';

jest.setTimeout(180_000);

/** Routes anyone may call. Adding one here is a decision, made in review. */
const PUBLIC_ROUTES = ['GET /api/v1/health', 'GET /api/v1/ingest/stats', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh'];

interface Operation {
  method: string;
  path: string;
  public: boolean;
  /** All of these are needed. */
  permissions: Permission[];
  /** One of these is needed (an operator permission or `self:read`). */
  anyOf: Permission[];
}

interface Principal {
  name: string;
  permissions: Permission[];
  /** A fresh credential (a new session for users): some routes (logout) end the one they are called with. */
  credential(): Promise<string>;
}

type OpenApiDocument = { paths: Record<string, Record<string, { 'x-public'?: boolean; 'x-required-permissions'?: Permission[]; 'x-any-permissions'?: Permission[] }>> };

/** Whether `principal` holds what `op` needs: all of its permissions, and one of its any-of permissions. */
const admits = (principal: Principal, op: Operation): boolean =>
  op.permissions.every((p) => principal.permissions.includes(p)) && (op.anyOf.length === 0 || op.anyOf.some((p) => principal.permissions.includes(p)));

describe('access control on every route of the OpenAPI document', () => {
  let stack: Stack;
  let operations: Operation[];
  const principals: Principal[] = [];

  const call = (op: Operation, token?: string) =>
    apiCall<{ error?: { code: string } }>(stack.gatewayUrl, op.method, op.path.replace(/\{[^}]+\}/g, () => randomUUID()), {
      ...(token ? { token } : {}),
      ...(['POST', 'PUT', 'PATCH'].includes(op.method) ? { body: {} } : {}),
    });

  beforeAll(async () => {
    stack = await Stack.start();
    const doc = (await (await fetch(`${stack.gatewayUrl}/api/docs-json`)).json()) as OpenApiDocument;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        public: op['x-public'] === true,
        permissions: op['x-required-permissions'] ?? [],
        anyOf: op['x-any-permissions'] ?? [],
      })),
    );

    const user = (tenant: string, email: string, password: string, permissions: Permission[], name: string): Principal => ({
      name,
      permissions,
      credential: async () => (await signIn(stack.gatewayUrl, tenant, email, password)).accessToken,
    });
    const root = await signIn(stack.gatewayUrl, 'platform', 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    principals.push(user('platform', 'admin@platform.example', DEFAULT_DEMO_PASSWORD, root.me.permissions, 'platform_admin'));
    const admin = await signIn(stack.gatewayUrl, 'demo', 'admin@demo.example', DEFAULT_DEMO_PASSWORD);
    principals.push(user('demo', 'admin@demo.example', DEFAULT_DEMO_PASSWORD, admin.me.permissions, 'tenant_admin'));
    const password = 'Route-Walk-2025!';
    for (const role of ROLES.filter((r): r is Exclude<Role, 'platform_admin' | 'tenant_admin'> => r !== 'platform_admin' && r !== 'tenant_admin')) {
      const email = `${role.replace('_', '-')}@walk.example`;
      const consumer = role === 'consumer' ? await apiCall<{ id: string }>(stack.gatewayUrl, 'POST', '/api/v1/consumers', { token: admin.accessToken, body: { kind: 'residential', accountNumber: 'WALK-1', name: 'Walker' } }) : null;
      const body = { email, displayName: role, password, roles: [role], ...(consumer ? { consumerId: consumer.body.id } : {}) };
      const created = await apiCall(stack.gatewayUrl, 'POST', '/api/v1/users', { token: admin.accessToken, body });
      expect(created.status).toBe(201);
      const session = await signIn(stack.gatewayUrl, 'demo', email, password);
      principals.push(user('demo', email, password, session.me.permissions, role));
    }
    const key = await apiCall<CreatedApiKey>(stack.gatewayUrl, 'POST', '/api/v1/api-keys', { token: admin.accessToken, body: { name: 'devices only', permissions: ['devices:read'] } });
    principals.push({ name: 'api key [devices:read]', permissions: key.body.permissions, credential: async () => key.body.key });
    // Holds neither an operator permission of the consumer-facing reads nor self:read.
    const billingKey = await apiCall<CreatedApiKey>(stack.gatewayUrl, 'POST', '/api/v1/api-keys', { token: admin.accessToken, body: { name: 'billing only', permissions: ['billing:read'] } });
    principals.push({ name: 'api key [billing:read]', permissions: billingKey.body.permissions, credential: async () => billingKey.body.key });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists exactly the expected public routes, and every other route declares its permissions', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.filter((op) => op.public).map((op) => `${op.method} ${op.path}`).sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(operations.filter((op) => !op.public && op.permissions.length === 0 && op.anyOf.length === 0).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it('answers 401 to an anonymous call on every protected route', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const answer = await call(op);
      expect({ route: `${op.method} ${op.path}`, status: answer.status, code: answer.body.error?.code }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('answers 401 to a forged or malformed token', async () => {
    const op = operations.find((o) => o.path === '/api/v1/auth/me');
    if (!op) throw new Error('no /auth/me in the document');
    const real = await principals[1].credential();
    const [header, payload] = real.split('.');
    for (const token of [`${header}.${payload}.forged-signature`, 'not-a-jwt', `${real}x`]) expect((await call(op, token)).status).toBe(401);
  });

  it('answers 403 to a principal lacking the route\'s permission, on every protected route', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const lacking = principals.find((p) => !admits(p, op));
      expect({ route: `${op.method} ${op.path}`, lacking: Boolean(lacking) }).toEqual({ route: `${op.method} ${op.path}`, lacking: true });
      if (!lacking) continue;
      const answer = await call(op, await lacking.credential());
      expect({ route: `${op.method} ${op.path}`, as: lacking.name, status: answer.status, code: answer.body.error?.code }).toEqual({
        route: `${op.method} ${op.path}`,
        as: lacking.name,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });

  it('lets a principal holding the route\'s permissions past the guard, on every protected route', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const holder = principals.find((p) => admits(p, op));
      expect({ route: `${op.method} ${op.path}`, holder: Boolean(holder) }).toEqual({ route: `${op.method} ${op.path}`, holder: true });
      if (!holder) continue;
      const answer = await call(op, await holder.credential());
      expect({ route: `${op.method} ${op.path}`, as: holder.name, passed: ![401, 403].includes(answer.status) }).toEqual({
        route: `${op.method} ${op.path}`,
        as: holder.name,
        passed: true,
      });
    }
  });
});
