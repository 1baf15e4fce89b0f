import { isApiError } from './api-client';

/**
 * The API's message for one field of a failed request (`VALIDATION_FAILED` names fields by dotted path,
 * e.g. `lorawan.devEui`), or undefined. `field` matches exactly or as the prefix of a nested path.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error) || !error.fields) return undefined;
  const hit = error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`));
  return hit?.message;
}

/** Props for an input whose field the API may name: aria-invalid and the id of its message. */
export function invalidProps(error: unknown, field: string, id: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return fieldError(error, field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
