import type { DataSource } from 'typeorm';
import { AuthRedisKeys } from '@app/contracts';
import type { Actor, DomainError } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { SystemHarness } from '../../test/system-harness';
import { AuthRpc } from '../auth/auth.rpc';
import { sha256Hex } from '../crypto/hashes';
import { TenantsService } from '../tenants/tenants.service';
import { ApiKeysRpc } from './api-keys.rpc';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (e: DomainError) => e.code);

describe('API keys (real PostgreSQL and Redis)', () => {
  let h: SystemHarness;
  let rpc: ApiKeysRpc;

  beforeAll(async () => {
    h = await SystemHarness.start();
    rpc = h.get(ApiKeysRpc);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the secret once, stores only its SHA-256, and lists keys without it', async () => {
    const { adminActor } = await h.tenantWithAdmin();
    const created = await h.as(adminActor, () => rpc.create({ name: 'CIS export', permissions: ['readings:read', 'devices:read'] }));
    expect(created.key).toMatch(/^ohk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'CIS export', permissions: ['devices:read', 'readings:read'], createdBy: adminActor.id, revokedAt: null, lastUsedAt: null });
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const rows = (await h.app.get<DataSource>(POSTGRES).query('SELECT key_hash FROM "system"."api_keys" WHERE id = $1', [created.id])) as { key_hash: string }[];
    expect(rows[0].key_hash).toBe(sha256Hex(created.key));
    const listed = await h.as(adminActor, () => rpc.list());
    expect(listed).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix })]);
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(13));
  });

  it('verifies a key into its tenant and permissions, recording when it was used', async () => {
    const { adminActor, tenantId } = await h.tenantWithAdmin();
    const created = await h.as(adminActor, () => rpc.create({ name: 'SCADA', permissions: ['readings:read'] }));
    const principal = await rpc.verify({ key: created.key });
    expect(principal).toMatchObject({ id: created.id, tenantId, name: 'SCADA', permissions: ['readings:read'] });
    expect(new Date(principal.cacheUntil).getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    const [listed] = await h.as(adminActor, () => rpc.list());
    expect(listed.lastUsedAt).not.toBeNull();
    const keyActor: Actor = { kind: 'api_key', id: created.id, tenantId, roles: [], permissions: principal.permissions };
    expect(await h.as(keyActor, () => h.get(AuthRpc).me())).toMatchObject({ kind: 'api_key', id: created.id, displayName: 'SCADA', roles: [] });
  });

  it('refuses wrong, tampered and malformed keys alike', async () => {
    const { adminActor } = await h.tenantWithAdmin();
    const created = await h.as(adminActor, () => rpc.create({ name: 'ERP', permissions: ['billing:read'] }));
    const tampered = created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A');
    for (const key of [tampered, 'ohk_AAAAAAAA_' + 'x'.repeat(43), 'garbage', '']) {
      const error = (await rpc.verify({ key }).catch((e: unknown) => e)) as DomainError;
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Invalid API key' });
    }
  });

  it('stops a revoked key at once, dropping it from the gateway cache', async () => {
    const { adminActor } = await h.tenantWithAdmin();
    const created = await h.as(adminActor, () => rpc.create({ name: 'OMS', permissions: ['devices:read'] }));
    const cacheKey = AuthRedisKeys.apiKey(sha256Hex(created.key));
    await h.redis.set(cacheKey, '{"cached":true}', 'EX', 60);
    const revoked = await h.as(adminActor, () => rpc.revoke({ id: created.id }));
    expect(revoked.revokedAt).not.toBeNull();
    expect(await h.redis.get(cacheKey)).toBeNull();
    expect(await codeOf(rpc.verify({ key: created.key }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired key, and an expiry in the past or too far ahead', async () => {
    const { adminActor, tenantId } = await h.tenantWithAdmin();
    const created = await h.as(adminActor, () => rpc.create({ name: 'Short', permissions: ['devices:read'], expiresAt: new Date(Date.now() + 1500).toISOString() }));
    expect(await codeOf(rpc.verify({ key: created.key }))).toBe('OK');
    await h.app.get<DataSource>(POSTGRES).query(`UPDATE "system"."api_keys" SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenantId, created.id]);
    expect(await codeOf(rpc.verify({ key: created.key }))).toBe('UNAUTHENTICATED');
    for (const expiresAt of [new Date(Date.now() - 1000).toISOString(), new Date(Date.now() + 6 * 365 * 24 * 3600 * 1000).toISOString()]) {
      expect(await codeOf(h.as(adminActor, () => rpc.create({ name: 'Bad', permissions: ['devices:read'], expiresAt })))).toBe('VALIDATION_FAILED');
    }
  });

  it('gives a key only permissions its creator holds, and lets only users create keys', async () => {
    const { adminActor, tenantId } = await h.tenantWithAdmin();
    expect(await codeOf(h.as(adminActor, () => rpc.create({ name: 'Too much', permissions: ['tenants:manage'] })))).toBe('FORBIDDEN');
    const keyActor: Actor = { kind: 'api_key', id: adminActor.id, tenantId, roles: [], permissions: ['apikeys:manage'] };
    expect(await codeOf(h.as(keyActor, () => rpc.create({ name: 'Key from a key', permissions: ['apikeys:manage'] })))).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for another tenant\'s key and never lists it', async () => {
    const a = await h.tenantWithAdmin();
    const b = await h.tenantWithAdmin();
    const created = await h.as(a.adminActor, () => rpc.create({ name: 'A only', permissions: ['devices:read'] }));
    expect(await codeOf(h.as(b.adminActor, () => rpc.revoke({ id: created.id })))).toBe('NOT_FOUND');
    expect((await h.as(b.adminActor, () => rpc.list())).map((k) => k.id)).not.toContain(created.id);
    expect(await codeOf(rpc.verify({ key: created.key }))).toBe('OK');
  });

  it('stops every key of a suspended tenant', async () => {
    const a = await h.tenantWithAdmin();
    const created = await h.as(a.adminActor, () => rpc.create({ name: 'Before suspension', permissions: ['devices:read'] }));
    const platform = await h.tenantWithAdmin();
    const root: Actor = { kind: 'user', id: platform.admin.id, tenantId: platform.tenantId, roles: ['platform_admin'], permissions: ['tenants:manage'] };
    await h.get(TenantsService).update({ actor: root, tenantId: platform.tenantId }, { id: a.tenantId, status: 'suspended' });
    expect(await codeOf(rpc.verify({ key: created.key }))).toBe('UNAUTHENTICATED');
  });
});
