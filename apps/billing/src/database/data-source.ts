import type { ServiceDataSourceSettings } from '@app/postgres';
import { BILLING_MIGRATIONS } from './migrations';

export const BILLING_SCHEMA = 'billing';

/** The billing service's PostgreSQL settings: its own schema, its own migrations. */
export function billingDataSourceSettings(databaseUrl: string): ServiceDataSourceSettings {
  return {
    url: databaseUrl,
    schema: BILLING_SCHEMA,
    applicationName: 'headend-billing',
    entities: [],
    migrations: BILLING_MIGRATIONS,
  };
}
