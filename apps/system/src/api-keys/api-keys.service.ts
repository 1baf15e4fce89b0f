import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@app/common';
import { API_KEY_CACHE_SECONDS, AuthRedisKeys, DomainError, PERMISSIONS, asTenantId } from '@app/contracts';
import type { ApiKeyPrincipal, ApiKeyView, CreateApiKeyRequest, CreatedApiKey, TenantId } from '@app/contracts';
import type { ActorScope } from '../access/actor-scope';
import { sameHash } from '../crypto/hashes';
import { isUniqueViolation } from '../database/pg-errors';
import { toApiKeyView } from './api-key.view';
import { generateApiKey, parseApiKey } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';

const MAX_LIFETIME_MS = 5 * 365 * 24 * 3600 * 1000;

/** API keys of integrations: created by an administrator, shown once, stored hashed, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async list(tenantId: TenantId): Promise<ApiKeyView[]> {
    return (await this.keys.list(tenantId)).map(toApiKeyView);
  }

  /** A key may carry only permissions its creator holds; the secret is in this answer and nowhere else. */
  async create(scope: ActorScope, request: CreateApiKeyRequest, now = new Date()): Promise<CreatedApiKey> {
    const { actor, tenantId } = scope;
    const beyond = request.permissions.filter((permission) => !actor.permissions.includes(permission));
    if (beyond.length > 0) throw new DomainError('FORBIDDEN', `A key cannot carry permissions you do not hold: ${beyond.join(', ')}`);
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && (expiresAt.getTime() <= now.getTime() || expiresAt.getTime() > now.getTime() + MAX_LIFETIME_MS)) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid request: expiresAt', [{ field: 'expiresAt', message: 'expiresAt must be in the future and within 5 years' }]);
    }
    const permissions = PERMISSIONS.filter((permission) => request.permissions.includes(permission));
    for (let attempt = 0; ; attempt++) {
      const generated = generateApiKey();
      try {
        const saved = await this.keys.create(tenantId, { keyId: generated.keyId, keyHash: generated.keyHash, name: request.name, permissions, createdBy: actor.id, expiresAt });
        return { ...toApiKeyView(saved), key: generated.key };
      } catch (error) {
        // 62^8 ids: a collision is rare; try a fresh key instead of failing.
        if (attempt < 2 && isUniqueViolation(error, 'api_keys_key_id_key')) continue;
        throw error;
      }
    }
  }

  /** Revokes a key and drops it from the gateway's cache, so it stops working at once. */
  async revoke(tenantId: TenantId, id: string): Promise<ApiKeyView> {
    const key = await this.keys.revoke(tenantId, id);
    if (!key) throw new DomainError('NOT_FOUND', 'API key not found');
    await this.redis.del(AuthRedisKeys.apiKey(key.keyHash));
    return toApiKeyView(key);
  }

  /** Authenticates a presented key. Every refusal reads the same, whatever the reason. */
  async verify(presented: string, now = new Date()): Promise<ApiKeyPrincipal> {
    const refused = new DomainError('UNAUTHENTICATED', 'Invalid API key');
    const parsed = parseApiKey(presented);
    if (!parsed) throw refused;
    const found = await this.keys.findByKeyIdForVerification(parsed.keyId);
    if (!found || !sameHash(found.key.keyHash, parsed.keyHash)) throw refused;
    const { key, tenantActive } = found;
    if (!tenantActive || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now.getTime())) throw refused;
    await this.keys.touchLastUsed(asTenantId(key.tenantId), key.id, now);
    const cacheUntil = Math.min(now.getTime() + API_KEY_CACHE_SECONDS * 1000, key.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    return { id: key.id, tenantId: key.tenantId, name: key.name, permissions: key.permissions, cacheUntil: new Date(cacheUntil).toISOString() };
  }
}
