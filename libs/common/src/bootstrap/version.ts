import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The platform version from the root package.json (found by walking up from this file). */
export function platformVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'open-headend' && parsed.version) return (cached = parsed.version);
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0-unknown');
}
