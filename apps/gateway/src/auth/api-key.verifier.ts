import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS, rpcClientToken } from '@app/common';
import { AuthRedisKeys, DomainError, SystemPatterns, isPermission } from '@app/contracts';
import type { Actor, ApiKeyPrincipal, RpcClient, SystemContract } from '@app/contracts';

function isPrincipal(value: unknown): value is ApiKeyPrincipal {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ApiKeyPrincipal, unknown>>;
  return typeof v.id === 'string' && typeof v.tenantId === 'string' && Array.isArray(v.permissions) && v.permissions.every(isPermission) && typeof v.cacheUntil === 'string';
}

/**
 * Verifies API keys through the system service (`system.apikey.verify`) and caches the answer in
 * Redis, by the key's SHA-256, for at most a minute (never past the key's expiry). Revocation
 * deletes the cache entry, so a revoked key stops at once.
 */
@Injectable()
export class ApiKeyVerifier {
  constructor(
    @Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async verify(key: string, ip: string | undefined): Promise<Actor> {
    const cacheKey = AuthRedisKeys.apiKey(createHash('sha256').update(key, 'utf8').digest('hex'));
    const principal = (await this.cached(cacheKey)) ?? (await this.ask(key, cacheKey));
    return { kind: 'api_key', id: principal.id, tenantId: principal.tenantId, roles: [], permissions: principal.permissions, ...(ip ? { ip } : {}) };
  }

  private async cached(cacheKey: string): Promise<ApiKeyPrincipal | undefined> {
    const raw = await this.redis.get(cacheKey).catch((error: unknown) => {
      throw new DomainError('SERVICE_UNAVAILABLE', `Cannot check the API key: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isPrincipal(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private async ask(key: string, cacheKey: string): Promise<ApiKeyPrincipal> {
    const principal = await this.system.send(SystemPatterns.apiKeyVerify, { key });
    const ttlMs = Date.parse(principal.cacheUntil) - Date.now();
    if (ttlMs > 0) await this.redis.set(cacheKey, JSON.stringify(principal), 'PX', ttlMs);
    return principal;
  }
}
