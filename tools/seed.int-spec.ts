import { asTenantId } from '@app/contracts';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { systemDataSourceSettings } from '../apps/system/src/database/data-source';
import { PasswordHasher } from '../apps/system/src/passwords/password-hasher';
import { TenantsRepository } from '../apps/system/src/tenants/tenants.repository';
import { UsersRepository } from '../apps/system/src/users/users.repository';
import { seed } from './seed';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from './seed-data';

describe('the seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestPostgresDatabase('headend_seed');
    await runPostgresMigrations(createServiceDataSource(systemDataSourceSettings(db.url)));
    dataSource = createServiceDataSource(systemDataSourceSettings(db.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates the platform administrator and the demo tenant with its users, then nothing the second time', async () => {
    const first = await seed(dataSource, [PLATFORM_TENANT, DEMO_TENANT], DEFAULT_DEMO_PASSWORD);
    expect(first.map((o) => o.created.length)).toEqual([2, 5]);
    const second = await seed(dataSource, [PLATFORM_TENANT, DEMO_TENANT], 'Another-Password-99');
    expect(second.map((o) => o.created)).toEqual([[], []]);
    expect(second[1].existing).toEqual(DEMO_TENANT.users.map((u) => u.email));

    const demo = await new TenantsRepository(dataSource).findBySlug('demo');
    const users = new UsersRepository(dataSource);
    const admin = await users.findByEmail(asTenantId(demo?.id ?? ''), 'admin@demo.example');
    expect(admin?.roles).toEqual(['tenant_admin']);
    // The second run left the password alone.
    expect(await new PasswordHasher().verify(admin?.passwordHash ?? '', DEFAULT_DEMO_PASSWORD)).toBe(true);
    const platform = await new TenantsRepository(dataSource).findBySlug('platform');
    expect((await users.findByEmail(asTenantId(platform?.id ?? ''), 'admin@platform.example'))?.roles).toEqual(['platform_admin']);
  });

  it('refuses a demo password that breaks the password rules', async () => {
    await expect(seed(dataSource, [{ slug: 'weak', name: 'Weak', users: [{ email: 'a@weak.example', displayName: 'A', roles: ['operator'] }] }], 'password')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await new TenantsRepository(dataSource).findBySlug('weak')).toBeNull();
  });
});
