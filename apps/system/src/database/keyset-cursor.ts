import { DomainError } from '@app/contracts';

/** Opaque keyset cursor of a listing ordered by (key, id): the key and id of the last row of a page. */
export function encodeKeysetCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeKeysetCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('VALIDATION_FAILED', 'Invalid request: cursor', [{ field: 'cursor', message: 'is not a cursor of this listing' }]);
}
