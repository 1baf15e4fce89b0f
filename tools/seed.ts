/**
 * `npm run seed`: the platform administrator (tenant `platform`) and the demo tenant `demo` with an
 * administrator, an operator, an analyst and a billing clerk, and its registry (hierarchy, gateways,
 * about 200 meters: seed-registry.ts). Idempotent: what exists is left as it
 * is (passwords included); only what is missing is created. Runs after `npm run migrate`.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createLogger, platformVersion } from '@app/common';
import { asTenantId } from '@app/contracts';
import { createServiceDataSource } from '@app/postgres';
import { systemDataSourceSettings } from '../apps/system/src/database/data-source';
import { PasswordHasher } from '../apps/system/src/passwords/password-hasher';
import { assertPasswordAcceptable } from '../apps/system/src/passwords/password-policy';
import { TenantsRepository } from '../apps/system/src/tenants/tenants.repository';
import { UsersRepository } from '../apps/system/src/users/users.repository';
import { loadSeedConfig } from './config';
import { seedConsumers } from './seed-consumers';
import { DEFAULT_DEMO_PASSWORD, DEMO_CONSUMER_LOGIN, DEMO_TENANT, PLATFORM_TENANT } from './seed-data';
import type { SeedTenant } from './seed-data';
import { seedRegistry } from './seed-registry';

export interface SeedOutcome {
  tenant: string;
  created: string[];
  existing: string[];
}

/** Creates what is missing of `tenants` in the system schema. */
export async function seed(dataSource: DataSource, tenants: SeedTenant[], password: string): Promise<SeedOutcome[]> {
  const tenantRepo = new TenantsRepository(dataSource);
  const userRepo = new UsersRepository(dataSource);
  const hasher = new PasswordHasher();
  for (const user of tenants.flatMap((tenant) => tenant.users)) assertPasswordAcceptable('DEMO_PASSWORD', password, user);
  const outcomes: SeedOutcome[] = [];
  for (const wanted of tenants) {
    const outcome: SeedOutcome = { tenant: wanted.slug, created: [], existing: [] };
    let tenant = await tenantRepo.findBySlug(wanted.slug);
    if (!tenant) {
      tenant = await tenantRepo.create({ slug: wanted.slug, name: wanted.name });
      outcome.created.push(`tenant ${wanted.slug}`);
    }
    const tenantId = asTenantId(tenant.id);
    for (const user of wanted.users) {
      if (await userRepo.findByEmail(tenantId, user.email)) {
        outcome.existing.push(user.email);
        continue;
      }
      await userRepo.create(tenantId, { ...user, passwordHash: await hasher.hash(password) });
      outcome.created.push(user.email);
    }
    if (wanted.registry) outcome.created.push(...(await seedRegistry(dataSource, tenantId)));
    if (wanted.consumers) outcome.created.push(...(await seedConsumers(dataSource, tenantId, password)));
    outcomes.push(outcome);
  }
  return outcomes;
}

async function main(): Promise<void> {
  const config = loadSeedConfig();
  const logger = createLogger({ service: 'seed', version: platformVersion(), level: config.LOG_LEVEL });
  const password = config.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
  const demo = config.SEED_DEMO_REGISTRY === 'true' ? DEMO_TENANT : { ...DEMO_TENANT, registry: false };
  const tenants = config.SEED_DEMO === 'true' ? [PLATFORM_TENANT, demo] : [PLATFORM_TENANT];
  const dataSource = createServiceDataSource(systemDataSourceSettings(config.DATABASE_URL));
  await dataSource.initialize();
  try {
    for (const outcome of await seed(dataSource, tenants, password)) {
      logger.info(outcome, `seed ${outcome.tenant}: ${outcome.created.length} created, ${outcome.existing.length} already there`);
    }
  } finally {
    await dataSource.destroy();
  }
  const logins = tenants.flatMap((tenant) => [...tenant.users, ...(tenant.consumers ? [DEMO_CONSUMER_LOGIN] : [])].map((user) => ({ tenant, user })));
  const lines = logins.map(({ tenant, user }) => `  tenant ${tenant.slug.padEnd(9)} ${user.email.padEnd(26)} ${user.roles.join(', ')}`);
  const passwordNote = config.DEMO_PASSWORD ? 'password from DEMO_PASSWORD' : `password ${DEFAULT_DEMO_PASSWORD} (development default; set DEMO_PASSWORD to choose another)`;
  process.stdout.write(`Demo logins, ${passwordNote}:\n${lines.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
