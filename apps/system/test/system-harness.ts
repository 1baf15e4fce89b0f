import 'reflect-metadata';
import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { CoreModule, REDIS, RedisModule, createLogger, loadConfig, redisOptionsFromUrl, runWithContext } from '@app/common';
import { asTenantId, permissionsOfRoles } from '@app/contracts';
import type { Actor, Permission, Role, TenantId, TenantView, UserView } from '@app/contracts';
import { PostgresModule, createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase, testServices, uniqueName } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { ApiKeysModule } from '../src/api-keys/api-keys.module';
import { AuthModule } from '../src/auth/auth.module';
import { ConsumersModule } from '../src/consumers/consumers.module';
import { systemConfigSchema } from '../src/config';
import type { SystemConfig } from '../src/config';
import { systemDataSourceSettings } from '../src/database/data-source';
import { GatewaysModule } from '../src/gateways/gateways.module';
import { HierarchyModule } from '../src/hierarchy/hierarchy.module';
import { HistoryModule } from '../src/history/history.module';
import { LoginEventsModule } from '../src/login-events/login-events.module';
import { MetersModule } from '../src/meters/meters.module';
import { PulseModulesModule } from '../src/pulse-modules/pulse-modules.module';
import { ServicePointsModule } from '../src/service-points/service-points.module';
import { TenantsService } from '../src/tenants/tenants.service';
import { TenantsModule } from '../src/tenants/tenants.module';
import { UsersModule } from '../src/users/users.module';
import { UsersService } from '../src/users/users.service';

export const TEST_PASSWORD = 'Meter-Reading-2025!';

/**
 * The system service's modules on a throwaway PostgreSQL database (migrations applied first) and the
 * machine's Redis under a unique key prefix: real stores, no transport. Handlers and services are
 * called directly, inside a request context carrying the actor.
 */
export class SystemHarness {
  private constructor(
    readonly app: INestApplicationContext,
    readonly db: TestDatabase,
    readonly redis: Redis,
    readonly config: SystemConfig,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<SystemHarness> {
    const db = await createTestPostgresDatabase('headend_system');
    await runPostgresMigrations(createServiceDataSource(systemDataSourceSettings(db.url)));
    const config = loadConfig('system', systemConfigSchema, { DATABASE_URL: db.url, REDIS_URL: testServices.redisUrl, LOG_LEVEL: 'silent', ...env });
    const keyPrefix = `${uniqueName('itest')}:`;
    const logger = createLogger({ service: 'system-test', version: '0', level: 'silent' });
    @Module({})
    class HarnessModule {
      static register(): DynamicModule {
        return {
          module: HarnessModule,
          imports: [
            CoreModule.forApp({ app: 'system', version: '0', instance: 'test', config, logger }),
            PostgresModule.forService(systemDataSourceSettings(db.url)),
            RedisModule.forRoot(config.REDIS_URL, keyPrefix),
            TenantsModule,
            UsersModule,
            AuthModule,
            ApiKeysModule,
            LoginEventsModule,
            HistoryModule,
            HierarchyModule,
            GatewaysModule,
            MetersModule,
            PulseModulesModule,
            ConsumersModule,
            ServicePointsModule,
          ],
        };
      }
    }
    const app = await NestFactory.createApplicationContext(HarnessModule.register(), { logger: false });
    const redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), keyPrefix });
    return new SystemHarness(app, db, redis, config);
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type, { strict: false });
  }

  /** Runs `work` as `actor` (as the RPC interceptor would after reading the envelope). */
  as<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    return runWithContext({ correlationId: uniqueName('c'), origin: 'rpc:test', actor }, async () => work());
  }

  /** A tenant with a tenant administrator (email `admin@<slug>.test`). */
  async tenantWithAdmin(slug = uniqueName('t').replace(/_/g, '-').toLowerCase()): Promise<{ tenant: TenantView; tenantId: TenantId; admin: UserView; adminActor: Actor }> {
    const tenant = await this.get(TenantsService).create({ slug, name: `Tenant ${slug}`, admin: { email: `admin@${slug}.test`, displayName: 'Admin', password: TEST_PASSWORD } });
    const tenantId = asTenantId(tenant.id);
    const { items } = await this.get(UsersService).list(tenantId, {});
    const admin = items[0];
    return { tenant, tenantId, admin, adminActor: userActor(admin, 'session-of-admin') };
  }

  async user(tenantId: TenantId, roles: Role[], email = `${uniqueName('u')}@example.test`): Promise<UserView> {
    return this.get(UsersService).create(tenantId, { email, displayName: email.split('@')[0], password: TEST_PASSWORD, roles });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.app.get<Redis>(REDIS).quit().catch(() => undefined);
    await this.app.close();
    await this.db.drop();
  }
}

export function userActor(user: UserView, sessionId?: string, permissions?: Permission[]): Actor {
  return {
    kind: 'user',
    id: user.id,
    tenantId: user.tenantId,
    roles: user.roles,
    permissions: permissions ?? permissionsOfRoles(user.roles),
    ...(sessionId ? { sessionId } : {}),
  };
}
