import type { ServiceDataSourceSettings } from '@app/postgres';
import { METERING_MIGRATIONS } from './migrations';

export const METERING_SCHEMA = 'metering';

/** The metering service's PostgreSQL settings: its own schema, its own migrations. */
export function meteringDataSourceSettings(databaseUrl: string): ServiceDataSourceSettings {
  return {
    url: databaseUrl,
    schema: METERING_SCHEMA,
    applicationName: 'headend-metering',
    entities: [],
    migrations: METERING_MIGRATIONS,
  };
}
