import type { Request } from 'express';
import { API_KEY_PATTERN, DomainError } from '@app/contracts';

export type Credential = { kind: 'access_token'; token: string } | { kind: 'api_key'; key: string };

/**
 * The credential of a request: `Authorization: Bearer <access token | API key>` or
 * `X-API-Key: <API key>`. Two different credentials at once are refused rather than guessed between.
 */
export function credentialOf(request: Request): Credential | undefined {
  const authorization = request.headers.authorization;
  const headerKey = request.headers['x-api-key'];
  const apiKeyHeader = Array.isArray(headerKey) ? headerKey[0] : headerKey;
  let bearer: string | undefined;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
    bearer = match[1];
  }
  if (bearer && apiKeyHeader && bearer !== apiKeyHeader.trim()) {
    throw new DomainError('UNAUTHENTICATED', 'Send one credential: Authorization or X-API-Key, not both');
  }
  const value = bearer ?? apiKeyHeader?.trim();
  if (!value) return undefined;
  if (apiKeyHeader || API_KEY_PATTERN.test(value) || value.startsWith('ohk_')) return { kind: 'api_key', key: value };
  return { kind: 'access_token', token: value };
}
