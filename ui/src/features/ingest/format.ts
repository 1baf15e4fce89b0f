export function formatDateTime(value: string): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** `MALFORMED_JSON` -> `malformed json`. */
export function codeLabel(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}
