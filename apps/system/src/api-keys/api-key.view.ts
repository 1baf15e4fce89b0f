import type { ApiKeyView } from '@app/contracts';
import type { ApiKeyEntity } from '../database/entities/api-key.entity';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The key as listed: its public prefix, never the secret or its hash. */
export function toApiKeyView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: `ohk_${key.keyId}_`,
    permissions: key.permissions,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
    lastUsedAt: iso(key.lastUsedAt),
    revokedAt: iso(key.revokedAt),
  };
}
