import type { RedisOptions } from 'ioredis';

/** Connection settings shared by ioredis, BullMQ and the Nest Redis transport. */
export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
}

/**
 * One parse of REDIS_URL for every Redis user (RPC transport, BullMQ, caches), so all of them
 * point at the same server with the same credentials.
 */
export function redisOptionsFromUrl(redisUrl: string): RedisConnectionSettings {
  const url = new URL(redisUrl);
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`REDIS_URL: database must be a number, got ${url.pathname}`);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** BullMQ needs `maxRetriesPerRequest: null` on its blocking connections. */
export function bullmqConnection(redisUrl: string): RedisOptions {
  return { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: null };
}
