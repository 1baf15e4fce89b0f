import type Redis from 'ioredis';
import type { DeviceResolution } from '@app/contracts';

/** Redis keys of cached resolutions: one hash per device (`ingest:device:<device key>`). */
export const deviceCacheKey = (key: string): string => `ingest:device:${key}`;

/**
 * The shared Redis cache of device resolutions, one hash per device with a TTL (`state` plus the
 * answer's fields as text). Never the only copy: a miss asks the system service again.
 */
export class DeviceRedisCache {
  constructor(private readonly redis: Redis) {}

  /** The cached resolutions of these keys (absent when not cached), in one round trip. */
  async getMany(keys: readonly string[]): Promise<Map<string, DeviceResolution>> {
    const found = new Map<string, DeviceResolution>();
    if (keys.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hgetall(deviceCacheKey(key));
    const results = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const [error, hash] = results[i] ?? [];
      if (error) throw error;
      const resolution = fromHash(hash as Record<string, string>);
      if (resolution) found.set(key, resolution);
    });
    return found;
  }

  async setMany(entries: readonly { key: string; resolution: DeviceResolution; ttlSeconds: number }[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { key, resolution, ttlSeconds } of entries) {
      pipeline.del(deviceCacheKey(key));
      pipeline.hset(deviceCacheKey(key), toHash(resolution));
      pipeline.expire(deviceCacheKey(key), ttlSeconds);
    }
    await pipeline.exec();
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map(deviceCacheKey));
  }
}

/** The answer's fields as hash fields (the whole answer as JSON in `r`, its state in `state` for operators). */
function toHash(resolution: DeviceResolution): Record<string, string> {
  return { state: resolution.state, r: JSON.stringify(resolution) };
}

function fromHash(hash: Record<string, string> | null | undefined): DeviceResolution | undefined {
  if (!hash?.r) return undefined;
  return JSON.parse(hash.r) as DeviceResolution;
}
