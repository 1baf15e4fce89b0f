import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SystemPatterns } from '@app/contracts';

/**
 * `system.device.resolve` answers wM-Bus AES keys in clear: it is for ingest only. No gateway source
 * may name it (neither the constant nor the wire name), so no HTTP route can lead to it.
 */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('system.device.resolve is not exposed at the gateway', () => {
  const sources = sourcesUnder(join(__dirname, '..', 'src'));

  it('reads the gateway sources', () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.some((s) => readFileSync(s, 'utf8').includes('SystemPatterns.meterList'))).toBe(true);
  });

  it('no gateway source names the pattern or its constant', () => {
    const naming = sources.filter((s) => {
      const text = readFileSync(s, 'utf8');
      return text.includes(SystemPatterns.deviceResolve) || /\bdeviceResolve\b/.test(text) || text.includes("'system.device.");
    });
    expect(naming).toEqual([]);
  });
});
