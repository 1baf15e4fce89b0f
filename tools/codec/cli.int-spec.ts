import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** The CLI as users run it: `npm run -s codec -- ...`, a real process with real stdin/stdout. */
describe('npm run -s codec', () => {
  const npm = (args: string[], input?: string) =>
    spawnSync('npm', ['run', '-s', 'codec', '--', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });

  it('lists codecs as JSON on stdout', () => {
    const result = npm(['list']);
    expect(result.status).toBe(0);
    const ids = (JSON.parse(result.stdout) as { id: string }[]).map((c) => c.id);
    expect(ids).toContain('talkpool/oy1320');
  });

  it('streams JSON lines through --jsonl in order', () => {
    const input = [
      JSON.stringify({ codec: 'talkpool/oy1320', fPort: 2, hex: '012100001738' }),
      JSON.stringify({ codec: 'talkpool/oy1320', fPort: 2, hex: '01' }),
    ].join('\n');
    const result = npm(['decode', '--jsonl'], input);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string } });
    expect(lines.map((l) => l.ok)).toEqual([true, false]);
    expect(lines[1].error?.code).toBe('TRUNCATED');
  });
});
