/**
 * The stored bytes of a dead letter (base64) as text when they are valid UTF-8, else null: a message
 * need not be text, and a lossy decode (U+FFFD) would show bytes that were never sent.
 */
export function utf8TextOf(rawBase64: string): string | null {
  const bytes = Buffer.from(rawBase64, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
