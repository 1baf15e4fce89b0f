import { EventEmitter } from 'node:events';
import type { DeviceChangedEvent, DeviceResolution, ResolveDevicesRequest, ResolvedDevices } from '@app/contracts';
import { wmbusKey } from '@app/contracts';
import type { DeviceRedisCache } from './device-cache';
import { deviceKey } from './device-keys';
import type { DeviceIdentity } from './device-keys';
import { LruCache } from './lru-cache';

/** One `system.device.resolve` call (the RPC in the service, a counted stand-in in tests). */
export type DeviceDirectory = (request: ResolveDevicesRequest) => Promise<ResolvedDevices>;

export interface DeviceResolverOptions {
  /** In-process entries kept (least recently used go first). */
  lruCapacity: number;
  /** How long the process keeps an answer without asking Redis (bounds staleness when an event is lost). */
  lruTtlMs: number;
  /** Redis TTL of a resolved (known, archived, ambiguous) device. */
  knownTtlSeconds: number;
  /** Redis and process TTL of an unknown device: short, so a registration is seen soon even without its event. */
  unknownTtlSeconds: number;
}

export const DEFAULT_RESOLVER_OPTIONS: DeviceResolverOptions = { lruCapacity: 100_000, lruTtlMs: 60_000, knownTtlSeconds: 3600, unknownTtlSeconds: 60 };

/** Emitted when a change event names a device: uplinks kept `unassigned` under this key may be decoded now. */
export const DEVICE_BECAME_KNOWN = 'device-became-known';
export interface DeviceBecameKnown {
  key: string;
  event: DeviceChangedEvent;
}

/** Emitted once per `resolveMany` (for metrics): where its answers came from. */
export const DEVICE_CACHE_LOOKUP = 'device-cache-lookup';
export interface DeviceCacheLookup {
  /** Answered by the process LRU. */
  processHits: number;
  /** Answered by the Redis cache. */
  redisHits: number;
  /** Asked of the system service. */
  misses: number;
}

/**
 * Resolves uplink device identities: process LRU, then the shared Redis cache (one pipeline), then
 * one `system.device.resolve` for all the misses of a batch. Unknown devices are cached too, shortly.
 * `invalidate` (from the change stream) drops both cache levels and emits DEVICE_BECAME_KNOWN.
 * wM-Bus answers carry the AES key in clear: they stay in process memory only, never in Redis.
 */
export class DeviceResolver {
  readonly signals = new EventEmitter();
  private readonly lru: LruCache<DeviceResolution>;

  constructor(
    private readonly directory: DeviceDirectory,
    private readonly redisCache: DeviceRedisCache,
    private readonly options: DeviceResolverOptions = DEFAULT_RESOLVER_OPTIONS,
    now: () => number = Date.now,
  ) {
    this.lru = new LruCache(options.lruCapacity, now);
  }

  async resolve(identity: DeviceIdentity): Promise<DeviceResolution> {
    const answers = await this.resolveMany([identity]);
    return answers.get(deviceKey(identity)) ?? { state: 'unknown' };
  }

  /** Resolutions keyed by `deviceKey`; at most one Redis round trip and one RPC for the whole batch. */
  async resolveMany(identities: readonly DeviceIdentity[]): Promise<Map<string, DeviceResolution>> {
    const wanted = new Map(identities.map((i) => [deviceKey(i), i]));
    const answers = new Map<string, DeviceResolution>();
    const localMisses: string[] = [];
    for (const key of wanted.keys()) {
      const hit = this.lru.get(key);
      if (hit) answers.set(key, hit);
      else localMisses.push(key);
    }
    const fromRedis = await this.redisCache.getMany(localMisses.filter((k) => k.startsWith('lora:')));
    for (const [key, resolution] of fromRedis) this.remember(key, resolution, answers);
    const misses = localMisses.filter((k) => !fromRedis.has(k)).map((k) => wanted.get(k) as DeviceIdentity);
    this.signals.emit(DEVICE_CACHE_LOOKUP, { processHits: wanted.size - localMisses.length, redisHits: fromRedis.size, misses: misses.length } satisfies DeviceCacheLookup);
    if (misses.length > 0) await this.ask(misses, answers);
    return answers;
  }

  /** A registry change: forget both cache levels for the event's identities and signal them. */
  async invalidate(event: DeviceChangedEvent): Promise<void> {
    const keys = [...(event.devEui ? [deviceKey({ devEui: event.devEui })] : []), ...(event.wmbus ? [deviceKey({ wmbus: event.wmbus })] : [])];
    for (const key of keys) this.lru.delete(key);
    await this.redisCache.deleteMany(keys);
    for (const key of keys) this.signals.emit(DEVICE_BECAME_KNOWN, { key, event } satisfies DeviceBecameKnown);
  }

  private async ask(misses: readonly DeviceIdentity[], answers: Map<string, DeviceResolution>): Promise<void> {
    const request: ResolveDevicesRequest = {};
    const devEuis = misses.flatMap((m) => ('devEui' in m ? [m.devEui.toLowerCase()] : []));
    const wmbus = misses.flatMap((m) => ('wmbus' in m ? [m.wmbus] : []));
    if (devEuis.length > 0) request.devEuis = devEuis;
    if (wmbus.length > 0) request.wmbus = wmbus;
    const resolved = await this.directory(request);
    const toRedis: { key: string; resolution: DeviceResolution; ttlSeconds: number }[] = [];
    for (const eui of devEuis) {
      const resolution = resolved.devEuis[eui] ?? { state: 'unknown' };
      const key = deviceKey({ devEui: eui });
      this.remember(key, resolution, answers);
      toRedis.push({ key, resolution, ttlSeconds: this.ttlSecondsOf(resolution) });
    }
    for (const address of wmbus) this.remember(deviceKey({ wmbus: address }), resolved.wmbus[wmbusKey(address)] ?? { state: 'unknown' }, answers);
    await this.redisCache.setMany(toRedis);
  }

  private remember(key: string, resolution: DeviceResolution, answers: Map<string, DeviceResolution>): void {
    answers.set(key, resolution);
    this.lru.set(key, resolution, Math.min(this.options.lruTtlMs, this.ttlSecondsOf(resolution) * 1000));
  }

  private ttlSecondsOf(resolution: DeviceResolution): number {
    return resolution.state === 'unknown' ? this.options.unknownTtlSeconds : this.options.knownTtlSeconds;
  }
}
