/** Strings for the TabSeparated round trips (18.16 and chdb): the shared hostile strings plus TSV's own traps. */
import { HOSTILE_STRINGS } from './hostile-strings';

/** About 70 KB of text full of what TSV escapes (no max_query_size limit: an insert body is data). */
const LONG_TSV_STRING = `start ${'\\\t\n\r\'"🙂 x'.repeat(7_000)} end\\`;

export const TSV_HOSTILE_STRINGS: readonly string[] = [
  ...HOSTILE_STRINGS,
  // `\N` is NULL in TSV: as text it must stay text.
  '\\N',
  'N',
  '\\\\N',
  '\\N\t\\N',
  // Escapes of the TSV format itself, literally and as the characters.
  '\\t\\n\\r\\\\',
  '\t',
  '\n',
  '\r',
  '\t\n\r\\',
  'trailing tab\t',
  '\ttab first',
  // JSON with backslashes and escaped quotes, as device payloads carry it.
  JSON.stringify({ path: 'C:\\meters\\new', quote: 'say "hi"', nl: 'a\nb', unicode: 'Ω🙂', nested: '{"x":"\\u0041"}' }),
  '{"already":"escaped \\" \\\\ \\n"}',
  "array-looking ['a','b\\'] text",
  LONG_TSV_STRING,
];
