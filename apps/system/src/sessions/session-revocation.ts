import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@app/common';
import { ACCESS_TOKEN_TTL_SECONDS, AuthRedisKeys } from '@app/contracts';

/** Clock skew allowed between services when a marker must outlive every token of its session. */
const SKEW_SECONDS = 60;

/**
 * Tells the gateway at once that sessions ended: their access tokens (valid up to 15 minutes) are
 * refused from now on. The database row is the record; the Redis marker only has to outlive the
 * session's last access token.
 */
@Injectable()
export class SessionRevocation {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async publish(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) pipeline.set(AuthRedisKeys.revokedSession(id), '1', 'EX', ACCESS_TOKEN_TTL_SECONDS + SKEW_SECONDS);
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}
