import { asTenantId } from '@app/contracts';
import type { DomainError } from '@app/contracts';
import { SystemHarness, TEST_PASSWORD, userActor } from '../../test/system-harness';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionsRepository } from '../sessions/sessions.repository';
import { UsersRepository } from './users.repository';
import { UsersRpc } from './users.rpc';

describe('users (real PostgreSQL, tenant-scoped)', () => {
  let h: SystemHarness;
  let repo: UsersRepository;
  let rpc: UsersRpc;

  beforeAll(async () => {
    h = await SystemHarness.start();
    repo = h.get(UsersRepository);
    rpc = h.get(UsersRpc);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('the repository', () => {
    it('stores emails in lower case, unique per tenant but not across tenants', async () => {
      const a = await h.tenantWithAdmin();
      const b = await h.tenantWithAdmin();
      const user = await repo.create(a.tenantId, { email: ' Ops@Example.TEST ', displayName: 'Ops', passwordHash: 'h', roles: ['operator'] });
      expect(user.email).toBe('ops@example.test');
      expect((await repo.findByEmail(a.tenantId, 'OPS@example.test'))?.id).toBe(user.id);
      await expect(repo.create(a.tenantId, { email: 'ops@example.test', displayName: 'Again', passwordHash: 'h', roles: ['operator'] })).rejects.toMatchObject({ code: 'CONFLICT' });
      const other = await repo.create(b.tenantId, { email: 'ops@example.test', displayName: 'Ops B', passwordHash: 'h', roles: ['analyst'] });
      expect(other.id).not.toBe(user.id);
    });

    it('never finds, updates or unlocks another tenant\'s user', async () => {
      const a = await h.tenantWithAdmin();
      const b = await h.tenantWithAdmin();
      const user = await h.user(a.tenantId, ['operator']);
      expect(await repo.findById(b.tenantId, user.id)).toBeNull();
      expect(await repo.findByEmail(b.tenantId, user.email)).toBeNull();
      expect(await repo.update(b.tenantId, user.id, { displayName: 'hijacked' })).toBeNull();
      expect(await repo.unlock(b.tenantId, user.id)).toBeNull();
      expect(await repo.setPasswordHash(b.tenantId, user.id, 'x')).toBe(false);
      expect((await repo.list(b.tenantId, { limit: 100, offset: 0 })).items.map((u) => u.id)).not.toContain(user.id);
      expect((await repo.findById(a.tenantId, user.id))?.displayName).not.toBe('hijacked');
    });

    it('lists with search (wildcards taken literally) and paging', async () => {
      const { tenantId } = await h.tenantWithAdmin();
      for (const name of ['alpha', 'beta', 'gamma', 'al_pha']) await h.user(tenantId, ['analyst'], `${name}@list.test`);
      expect((await repo.list(tenantId, { search: 'ALP', limit: 10, offset: 0 })).items.map((u) => u.email)).toEqual(['alpha@list.test']);
      expect((await repo.list(tenantId, { search: '_', limit: 10, offset: 0 })).items.map((u) => u.email)).toEqual(['al_pha@list.test']);
      const page = await repo.list(tenantId, { limit: 2, offset: 1 });
      expect(page.total).toBe(5);
      expect(page.items).toHaveLength(2);
    });

    it('counts failed logins atomically and locks at the threshold; a success clears it', async () => {
      const { tenantId } = await h.tenantWithAdmin();
      const user = await h.user(tenantId, ['operator']);
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => repo.recordFailedLogin(tenantId, user.id, 5, 900)));
      expect(outcomes.map((o) => o.failedLoginCount).sort()).toEqual([1, 2, 3, 4, 5]);
      const locked = await repo.findById(tenantId, user.id);
      expect(locked?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 800_000);
      await repo.recordSuccessfulLogin(tenantId, user.id);
      const cleared = await repo.findById(tenantId, user.id);
      expect(cleared).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
      expect(cleared?.lastLoginAt).toBeInstanceOf(Date);
    });

    it('starts a fresh count once a lock has expired', async () => {
      const { tenantId } = await h.tenantWithAdmin();
      const user = await h.user(tenantId, ['operator']);
      for (let i = 0; i < 2; i++) await repo.recordFailedLogin(tenantId, user.id, 2, 1);
      await new Promise((r) => setTimeout(r, 1100));
      const next = await repo.recordFailedLogin(tenantId, user.id, 2, 1);
      expect(next).toEqual({ failedLoginCount: 1, lockedUntil: null });
    });
  });

  describe('the handlers', () => {
    it('answers NOT_FOUND for another tenant\'s user, never its data', async () => {
      const a = await h.tenantWithAdmin();
      const b = await h.tenantWithAdmin();
      const victim = await h.user(a.tenantId, ['operator']);
      const calls: (() => Promise<unknown>)[] = [
        () => rpc.get({ id: victim.id }),
        () => rpc.update({ id: victim.id, displayName: 'x' }),
        () => rpc.unlock({ id: victim.id }),
        () => rpc.revokeSessions({ id: victim.id }),
        () => rpc.setPassword({ id: victim.id, newPassword: 'Another-Secret-99' }),
      ];
      for (const call of calls) {
        const error = (await h.as(b.adminActor, call).catch((e: unknown) => e)) as DomainError;
        expect(error.code).toBe('NOT_FOUND');
        expect(JSON.stringify(error)).not.toContain(victim.email);
      }
      expect(await h.as(a.adminActor, () => rpc.get({ id: victim.id }))).toMatchObject({ email: victim.email });
    });

    it('needs users:read to read and users:manage to change', async () => {
      const { tenantId } = await h.tenantWithAdmin();
      const operator = userActor(await h.user(tenantId, ['operator']));
      await expect(h.as(operator, () => rpc.list({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(h.as(operator, () => rpc.create({ email: 'x@y.test', displayName: 'x', password: TEST_PASSWORD, roles: ['operator'] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('creates users with the password rules, and never lets a tenant admin grant platform_admin', async () => {
      const { adminActor } = await h.tenantWithAdmin();
      const weak = (await h.as(adminActor, () => rpc.create({ email: 'w@y.test', displayName: 'W', password: 'w@y.test', roles: ['operator'] })).catch((e: unknown) => e)) as DomainError;
      expect(weak).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(weak.fields?.map((f) => f.field)).toContain('password');
      await expect(h.as(adminActor, () => rpc.create({ email: 'p@y.test', displayName: 'P', password: TEST_PASSWORD, roles: ['platform_admin'] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const created = await h.as(adminActor, () => rpc.create({ email: 'Clerk@Y.test', displayName: 'Clerk', password: TEST_PASSWORD, roles: ['billing_clerk'] }));
      expect(created).toMatchObject({ email: 'clerk@y.test', roles: ['billing_clerk'], status: 'active', lockedUntil: null });
      expect(JSON.stringify(created)).not.toMatch(/argon2|passwordHash/);
    });

    it('ends a user\'s sessions when their roles change or they are disabled; admins cannot disable themselves', async () => {
      const { tenantId, adminActor, admin } = await h.tenantWithAdmin();
      const user = await h.user(tenantId, ['operator']);
      const sessions = h.get(SessionsRepository);
      const open = async (id: string) => sessions.open(tenantId, { id, userId: user.id, expiresAt: new Date(Date.now() + 60_000) }, { tokenHash: 'a'.repeat(63) + id.slice(-1), expiresAt: new Date(Date.now() + 60_000) });
      await open('11111111-1111-4111-8111-111111111111');
      await h.as(adminActor, () => rpc.update({ id: user.id, roles: ['operator', 'analyst'] }));
      expect((await sessions.findSession(tenantId, '11111111-1111-4111-8111-111111111111'))?.revokedReason).toBe('roles_changed');
      expect(await h.redis.get('auth:revoked-session:11111111-1111-4111-8111-111111111111')).toBe('1');
      await expect(h.as(adminActor, () => rpc.update({ id: admin.id, status: 'disabled' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(h.as(adminActor, () => rpc.update({ id: admin.id, roles: ['operator'] }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await h.as(adminActor, () => rpc.update({ id: user.id, status: 'disabled' }))).toMatchObject({ status: 'disabled' });
    });

    it('lets users change their own password with the current one, and admins reset anyone\'s', async () => {
      const { tenantId, adminActor } = await h.tenantWithAdmin();
      const user = await h.user(tenantId, ['analyst']);
      const self = userActor(user, '22222222-2222-4222-8222-222222222222');
      await expect(h.as(self, () => rpc.setPassword({ id: user.id, newPassword: 'Fresh-Secret-2026' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(h.as(self, () => rpc.setPassword({ id: user.id, currentPassword: 'wrong', newPassword: 'Fresh-Secret-2026' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await h.as(self, () => rpc.setPassword({ id: user.id, currentPassword: TEST_PASSWORD, newPassword: 'Fresh-Secret-2026' }));
      const hasher = h.get(PasswordHasher);
      const stored = await h.get(UsersRepository).findById(tenantId, user.id);
      expect(await hasher.verify(stored?.passwordHash ?? '', 'Fresh-Secret-2026')).toBe(true);
      const other = userActor(await h.user(tenantId, ['analyst']));
      await expect(h.as(other, () => rpc.setPassword({ id: user.id, newPassword: 'Hijack-Secret-2026' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await h.as(adminActor, () => rpc.setPassword({ id: user.id, newPassword: 'Reset-By-Admin-77' }));
      const reset = await h.get(UsersRepository).findById(asTenantId(user.tenantId), user.id);
      expect(await hasher.verify(reset?.passwordHash ?? '', 'Reset-By-Admin-77')).toBe(true);
    });
  });
});
