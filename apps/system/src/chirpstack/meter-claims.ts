import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@app/common';
import { ChirpstackSettingsRef } from './chirpstack-settings';

/** Deletes the claim only when it is still ours (it may have expired and been taken). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Who is talking to ChirpStack about a meter right now, across every system instance: a Redis key per
 * meter (SET NX with a lease long enough for a device and its keys), so at most one worker or retry
 * provisions a meter at a time. A holder that dies leaves the key until its lease ends.
 */
@Injectable()
export class MeterClaims {
  private readonly leaseMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    settings: ChirpstackSettingsRef,
  ) {
    // At most four requests, each within the ChirpStack deadline, plus the writes.
    this.leaseMs = 4 * (settings.value?.timeoutMs ?? 0) + 30_000;
  }

  /** Runs `work` holding the meter's claim; 'busy' (and nothing run) when someone else holds it. */
  async run<T>(meterId: string, work: () => Promise<T>): Promise<T | 'busy'> {
    const key = `system:provisioning:${meterId}`;
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', this.leaseMs, 'NX')) !== 'OK') return 'busy';
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}
