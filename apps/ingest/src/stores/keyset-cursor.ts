import { DomainError } from '@app/contracts';

/**
 * Opaque keyset cursors of the ingest listings: base64url of the JSON array of the last row's sort key.
 * Each listing says what a key looks like (`shape`); anything else is refused naming the `cursor` field,
 * so a cursor can never carry text the listing did not write.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly RegExp[]): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((part, i) => typeof part === 'string' && shape[i]?.test(part))) {
      return value as string[];
    }
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('VALIDATION_FAILED', 'Invalid request: cursor', [{ field: 'cursor', message: 'is not a cursor of this listing' }]);
}

/** `YYYY-MM-DD hh:mm:ss`: a `DateTime` as ClickHouse returns it. */
export const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids, devEuis, event names and deduplication ids: any text without control characters, bounded. */
// eslint-disable-next-line no-control-regex -- excluding control characters is the point
export const PLAIN_TEXT = /^[^\u0000-\u001f\u007f]{0,256}$/;
