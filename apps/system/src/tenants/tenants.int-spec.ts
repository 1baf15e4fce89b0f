import { asTenantId } from '@app/contracts';
import type { DomainError } from '@app/contracts';
import { SystemHarness, TEST_PASSWORD, userActor } from '../../test/system-harness';
import { UsersService } from '../users/users.service';
import { TenantsRepository } from './tenants.repository';
import { TenantsRpc } from './tenants.rpc';
import { TenantsService } from './tenants.service';

describe('tenants (real PostgreSQL)', () => {
  let h: SystemHarness;
  let repo: TenantsRepository;

  beforeAll(async () => {
    h = await SystemHarness.start();
    repo = h.get(TenantsRepository);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates, finds by id and by slug (case-insensitively), lists and updates tenants', async () => {
    const created = await repo.create({ slug: 'water-co', name: 'Water Co' });
    expect(created).toMatchObject({ slug: 'water-co', name: 'Water Co', status: 'active' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await repo.findById(asTenantId(created.id)))?.slug).toBe('water-co');
    expect((await repo.findBySlug('WATER-CO'))?.id).toBe(created.id);
    expect(await repo.findBySlug('nope')).toBeNull();
    expect((await repo.list()).map((t) => t.slug)).toContain('water-co');
    const updated = await repo.update(asTenantId(created.id), { name: 'Water Company', status: 'suspended' });
    expect(updated).toMatchObject({ name: 'Water Company', status: 'suspended' });
    expect(await repo.update(asTenantId('00000000-0000-4000-8000-000000000000'), { name: 'x' })).toBeNull();
  });

  it('refuses a second tenant with the same slug as CONFLICT', async () => {
    await repo.create({ slug: 'gas-co', name: 'Gas' });
    await expect(repo.create({ slug: 'gas-co', name: 'Gas again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects a slug the database constraint does not allow', async () => {
    await expect(repo.create({ slug: 'Bad Slug!', name: 'x' })).rejects.toThrow(/tenants_slug_format/);
  });

  it('creates a tenant with its first administrator in one transaction, or neither', async () => {
    const service = h.get(TenantsService);
    const tenant = await service.create({ slug: 'heat-co', name: 'Heat', admin: { email: 'Boss@Heat.test', displayName: 'Boss', password: TEST_PASSWORD } });
    const users = await h.get(UsersService).list(asTenantId(tenant.id), {});
    expect(users.items).toEqual([expect.objectContaining({ email: 'boss@heat.test', roles: ['tenant_admin'], status: 'active' })]);

    const error = (await service
      .create({ slug: 'weak-co', name: 'Weak', admin: { email: 'a@weak.test', displayName: 'A', password: 'password' } })
      .catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[0].field).toBe('admin.password');
    expect(await repo.findBySlug('weak-co')).toBeNull();
  });

  it('lets only tenants:manage reach the tenant handlers, and no one suspend their own tenant', async () => {
    const rpc = h.get(TenantsRpc);
    const { adminActor, tenantId } = await h.tenantWithAdmin();
    await expect(h.as(adminActor, () => rpc.list())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const platform = await h.tenantWithAdmin();
    const root = await h.user(platform.tenantId, ['platform_admin']);
    const rootActor = userActor(root);
    expect((await h.as(rootActor, () => rpc.list())).length).toBeGreaterThan(2);
    await expect(h.as(rootActor, () => rpc.update({ id: platform.tenantId, status: 'suspended' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await h.as(rootActor, () => rpc.update({ id: tenantId, status: 'suspended' }))).toMatchObject({ status: 'suspended' });
    await expect(h.as(rootActor, () => rpc.update({ id: '00000000-0000-4000-8000-000000000000', name: 'x' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
