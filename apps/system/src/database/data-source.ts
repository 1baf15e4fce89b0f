import type { ServiceDataSourceSettings } from '@app/postgres';
import { SYSTEM_ENTITIES } from './entities';
import { SYSTEM_MIGRATIONS } from './migrations';

export const SYSTEM_SCHEMA = 'system';

/** The system service's PostgreSQL settings: its own schema, its own migrations. */
export function systemDataSourceSettings(databaseUrl: string): ServiceDataSourceSettings {
  return {
    url: databaseUrl,
    schema: SYSTEM_SCHEMA,
    applicationName: 'headend-system',
    entities: SYSTEM_ENTITIES,
    migrations: SYSTEM_MIGRATIONS,
  };
}
