import { DomainError } from '@app/contracts';

/** Opaque keyset cursor of the meter listing: the (serial, id) of the last meter of a page. */
export function encodeMeterCursor(serial: string, id: string): string {
  return Buffer.from(JSON.stringify([serial, id]), 'utf8').toString('base64url');
}

export function decodeMeterCursor(cursor: string): { serial: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      return { serial: value[0], id: value[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('VALIDATION_FAILED', 'Invalid request: cursor', [{ field: 'cursor', message: 'is not a cursor of this listing' }]);
}
