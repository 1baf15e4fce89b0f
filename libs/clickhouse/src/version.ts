/** ClickHouse server versions: `SELECT version()` answers e.g. `18.16.1` or `24.8.4.13`. */

export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The text the server reported. */
  readonly text: string;
}

/** Parses `major.minor[.patch[.build]]` (a suffix such as `-testing` is ignored). Throws on anything else. */
export function parseServerVersion(text: string): ServerVersion {
  const match = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new Error(`unrecognised ClickHouse version ${JSON.stringify(text)}`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: text.trim() };
}

/** True when `version` is at least `major.minor[.patch]`. */
export function versionAtLeast(version: ServerVersion, major: number, minor = 0, patch = 0): boolean {
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}

