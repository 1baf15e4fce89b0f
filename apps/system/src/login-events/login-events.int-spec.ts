import type { Actor } from '@app/contracts';
import { SystemHarness } from '../../test/system-harness';
import { LoginEventsRepository } from './login-events.repository';
import { LoginEventsRpc } from './login-events.rpc';

describe('login events (real PostgreSQL)', () => {
  let h: SystemHarness;
  let repo: LoginEventsRepository;

  beforeAll(async () => {
    h = await SystemHarness.start();
    repo = h.get(LoginEventsRepository);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records attempts per tenant, newest first, with filters', async () => {
    const { tenant, tenantId, admin } = await h.tenantWithAdmin();
    await repo.record(tenantId, { tenantSlug: tenant.slug, userId: admin.id, email: 'Admin@X.test', ip: '10.0.0.1', userAgent: 'ua', outcome: 'failure', reason: 'bad_password' });
    await new Promise((r) => setTimeout(r, 5));
    await repo.record(tenantId, { tenantSlug: tenant.slug, userId: admin.id, email: 'admin@x.test', ip: '10.0.0.1', outcome: 'success' });
    const all = await repo.list(tenantId, { limit: 10 });
    expect(all.map((e) => e.outcome)).toEqual(['success', 'failure']);
    expect(all[1]).toMatchObject({ email: 'admin@x.test', ip: '10.0.0.1', userAgent: 'ua', reason: 'bad_password', tenantSlug: tenant.slug });
    expect(await repo.list(tenantId, { outcome: 'failure', limit: 10 })).toHaveLength(1);
    expect(await repo.list(tenantId, { before: all[0].at, limit: 10 })).toHaveLength(1);
    expect(await repo.list(tenantId, { limit: 1 })).toHaveLength(1);
  });

  it('keeps attempts on unknown tenants out of every tenant\'s list, and clips long values', async () => {
    const { tenantId } = await h.tenantWithAdmin();
    await repo.record(null, { tenantSlug: 'ghost', email: 'who@ever.test', userAgent: 'x'.repeat(5000), outcome: 'failure', reason: 'unknown_tenant' });
    expect(await repo.list(tenantId, { limit: 100 })).toEqual([]);
  });

  it('shows a tenant administrator their own tenant\'s events only', async () => {
    const a = await h.tenantWithAdmin();
    const b = await h.tenantWithAdmin();
    await repo.record(a.tenantId, { tenantSlug: a.tenant.slug, email: 'x@a.test', outcome: 'failure' });
    const rpc = h.get(LoginEventsRpc);
    expect(await h.as(b.adminActor, () => rpc.list({}))).toEqual([]);
    expect(await h.as(a.adminActor, () => rpc.list({}))).toEqual([expect.objectContaining({ email: 'x@a.test', tenantId: a.tenantId })]);
    const analyst: Actor = { ...a.adminActor, roles: ['analyst'], permissions: ['analytics:read'] };
    await expect(h.as(analyst, () => rpc.list({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
