import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the real test services are (the machine's own; override with TEST_* variables). */
export const testServices = {
  postgresAdminUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  clickhouseUrl: process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123',
  mqttUrl: process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883',
  mongoUrl: process.env.MONGO_URL,
};

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A throwaway PostgreSQL database on the real server. */
export async function createTestPostgresDatabase(prefix = 'headend_test'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const admin = new Client({ connectionString: testServices.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServices.postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: testServices.postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Drops a ClickHouse database over HTTP (used to clean up after a stack or a test). */
export async function dropClickHouseDatabase(name: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const response = await fetch(`${testServices.clickhouseUrl}/?query=${encodeURIComponent(`DROP DATABASE IF EXISTS ${name}`)}`, {
    method: 'POST',
  });
  if (!response.ok) throw new Error(`ClickHouse: ${response.status} ${await response.text()}`);
}
