import type { ServiceDataSourceSettings } from '@app/postgres';
import { ANALYTICS_MIGRATIONS } from './migrations';

export const ANALYTICS_SCHEMA = 'analytics';

/** The analytics service's PostgreSQL settings: its own schema, its own migrations. */
export function analyticsDataSourceSettings(databaseUrl: string): ServiceDataSourceSettings {
  return {
    url: databaseUrl,
    schema: ANALYTICS_SCHEMA,
    applicationName: 'headend-analytics',
    entities: [],
    migrations: ANALYTICS_MIGRATIONS,
  };
}
