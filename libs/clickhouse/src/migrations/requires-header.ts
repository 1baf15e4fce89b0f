/**
 * Version gate of a migration file: a line `-- requires: clickhouse >= 20.3` among the comment lines
 * at the top of the file. The file applies only on servers at least that version; older servers
 * record it as skipped and apply it on a later run, once upgraded.
 */
import { ClickHouseMigrationError } from './migration-error';

export interface VersionRequirement {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** As written, e.g. `20.3`. */
  readonly text: string;
}

const REQUIRES_LINE = /^--\s*requires\s*:/i;
const REQUIRES_SYNTAX = /^--\s*requires\s*:\s*clickhouse\s*>=\s*((\d+)\.(\d+)(?:\.(\d+))?)\s*$/i;

/** The requirement in the file's leading comment block, or undefined. Throws on a malformed or repeated one. */
export function parseRequiresHeader(text: string): VersionRequirement | undefined {
  let found: VersionRequirement | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (!line.startsWith('--')) break;
    if (!REQUIRES_LINE.test(line)) continue;
    const match = REQUIRES_SYNTAX.exec(line);
    if (!match) {
      throw new ClickHouseMigrationError(
        'invalid_requires_header',
        `malformed header ${JSON.stringify(line)}: expected "-- requires: clickhouse >= MAJOR.MINOR"`,
      );
    }
    if (found) throw new ClickHouseMigrationError('invalid_requires_header', 'more than one "-- requires:" header');
    found = { text: match[1] ?? '', major: Number(match[2]), minor: Number(match[3]), patch: Number(match[4] ?? 0) };
  }
  return found;
}
