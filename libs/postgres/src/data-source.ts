import { DataSource } from 'typeorm';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/** Function type of an entity class, as TypeORM takes it. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

export interface ServiceDataSourceSettings {
  /** postgres://user:pass@host:port/db */
  url: string;
  /** The owning service's schema: every table of the service lives here, and its migrations table too. */
  schema: string;
  /** Name shown in pg_stat_activity. */
  applicationName: string;
  entities?: MixedList<EntityClass | string | EntitySchema>;
  migrations?: MixedList<EntityClass | string>;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One TypeORM data source per owning service. `synchronize` is off for good: the schema changes only
 * through migrations, run by the explicit migrate command.
 */
export function serviceDataSourceOptions(settings: ServiceDataSourceSettings): DataSourceOptions {
  if (!SCHEMA_NAME.test(settings.schema)) throw new Error(`Invalid schema name ${settings.schema}`);
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    applicationName: settings.applicationName,
    entities: settings.entities ?? [],
    migrations: settings.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}

export function createServiceDataSource(settings: ServiceDataSourceSettings): DataSource {
  return new DataSource(serviceDataSourceOptions(settings));
}
