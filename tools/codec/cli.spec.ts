import { PassThrough, Readable } from 'node:stream';
import { wmbusVectors } from '../../libs/codecs/test/vectors';
import { runCli } from './cli';

async function run(argv: string[], stdinLines: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, { stdin: Readable.from(stdinLines.map((l) => `${l}\n`)), stdout, stderr });
  return { code, out, err };
}

describe('codec CLI', () => {
  it('lists the codecs as JSON with their metadata', async () => {
    const { code, out } = await run(['list']);
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; vendor: string; fPorts: number[]; sources: string[] }[];
    expect(list.length).toBeGreaterThan(0);
    for (const meta of list) {
      expect(meta.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(meta.sources.length).toBeGreaterThan(0);
    }
  });

  it('decodes one LoRaWAN payload to canonical JSON', async () => {
    const { code, out } = await run(['decode', '--codec', 'talkpool/oy1320', '--fport', '2', '--hex', '012100001738']);
    expect(code).toBe(0);
    const decoded = JSON.parse(out) as { codec: string; vendor: { MeterReading: number } };
    expect(decoded.codec).toBe('talkpool/oy1320');
    expect(decoded.vendor.MeterReading).toBe(5944);
  });

  it('says why a payload cannot be decoded, with a non-zero exit', async () => {
    const unknown = await run(['decode', '--codec', 'nobody/nothing', '--fport', '1', '--hex', '00']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^UNKNOWN_CODEC: /);
    const badHex = await run(['decode', '--codec', 'talkpool/oy1320', '--fport', '2', '--hex', 'zz']);
    expect(badHex.code).toBe(1);
    expect(badHex.err).toMatch(/^MALFORMED: /);
  });

  it('rejects bad usage with exit 2 and the usage text', async () => {
    for (const argv of [[], ['frobnicate'], ['decode', '--codec'], ['decode', '--codec', 'x', '--fport', 'two', '--hex', '00'], ['list', '--nope']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toContain('usage:');
    }
  });

  it('answers one JSON line per request line, in order, errors included', async () => {
    const { code, out } = await run(
      ['decode', '--jsonl'],
      [
        JSON.stringify({ codec: 'talkpool/oy1320', fPort: 2, hex: '012100001738' }),
        'not json',
        JSON.stringify({ codec: 'talkpool/oy1320', fPort: 'x', hex: '00' }),
        '',
        JSON.stringify({ codec: 'nobody/nothing', fPort: 1, hex: '00' }),
      ],
    );
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string } });
    expect(lines.map((l) => l.ok)).toEqual([true, false, false, false]);
    expect(lines.slice(1).map((l) => l.error?.code)).toEqual(['MALFORMED', 'MALFORMED', 'UNKNOWN_CODEC']);
  });

  it('decodes wM-Bus telegrams from JSON lines with keys and prior telegrams', async () => {
    const { code, out } = await run(
      ['wmbus', '--jsonl'],
      [JSON.stringify({ hex: '00' }), JSON.stringify({ hex: 'zz' }), JSON.stringify({ hex: '2a', prior: 'nope' })],
    );
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string } });
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => !l.ok)).toBe(true);
    expect(lines[1].error?.code).toBe('MALFORMED');
    expect(lines[2].error?.code).toBe('MALFORMED');
  });

  it('decrypts a real AES telegram with its key, and names the problem without it or with a wrong one', async () => {
    const vector = wmbusVectors().find((v) => v.id === 'wmb-caltose-01');
    if (!vector) throw new Error('vector wmb-caltose-01 missing from the fixtures');
    const good = await run(['wmbus', '--hex', vector.hex, '--key', vector.key]);
    expect(good.code).toBe(0);
    const decoded = JSON.parse(good.out) as { device: { meterId: string }; measurements: unknown[] };
    expect(decoded.device.meterId).toBe(vector.expected.id);
    expect(decoded.measurements.length).toBeGreaterThan(0);

    const noKey = await run(['wmbus', '--hex', vector.hex]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/^KEY_NEEDED: /);
    const wrongKey = await run(['wmbus', '--hex', vector.hex, '--key', '000102030405060708090A0B0C0D0E0F']);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/^WRONG_KEY: /);
  });
});

