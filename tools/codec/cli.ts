/**
 * `npm run -s codec -- <command>`: decode payloads by hand.
 *   list                                                  codecs as JSON
 *   decode --codec <id> --fport <n> --hex <hex> [--recv-time <iso>]   canonical JSON
 *   wmbus --hex <telegram> [--key <hex>]                   canonical JSON
 *   decode --jsonl | wmbus --jsonl                         one request per stdin line -> one result per line
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { listCodecs } from '@app/codecs';
import { parseArgs, UsageError } from '../cli-args';
import { decodeLorawanRequest, decodeWmbusRequest } from './requests';
import type { Outcome } from './requests';

export const USAGE = `usage:
  codec list
  codec decode --codec <id> --fport <n> --hex <hex> [--recv-time <iso>]
  codec wmbus --hex <telegram> [--key <hex>]
  codec decode --jsonl    (stdin: {"codec","fPort","hex"} per line)
  codec wmbus --jsonl     (stdin: {"hex","key","prior":[hex,...]} per line)`;

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

async function jsonl(io: Io, handle: (request: unknown) => Outcome): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let outcome: Outcome;
    try {
      outcome = handle(JSON.parse(line) as unknown);
    } catch {
      outcome = { ok: false, error: { code: 'MALFORMED', message: 'line is not valid JSON' } };
    }
    if (!io.stdout.write(`${JSON.stringify(outcome)}\n`)) await new Promise((r) => io.stdout.once('drain', r));
  }
}

function single(io: Io, outcome: Outcome): number {
  if (outcome.ok) {
    io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    return 0;
  }
  io.stderr.write(`${outcome.error.code}: ${outcome.error.message}\n`);
  return 1;
}

/** Runs the CLI; returns the exit code (0 ok, 1 decode failed, 2 usage). */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { command, options } = parseArgs(argv, {
      codec: 'value',
      fport: 'value',
      hex: 'value',
      key: 'value',
      'recv-time': 'value',
      jsonl: 'flag',
    });
    switch (command) {
      case 'list':
        io.stdout.write(`${JSON.stringify(listCodecs(), null, 2)}\n`);
        return 0;
      case 'decode': {
        if (options.has('jsonl')) {
          await jsonl(io, decodeLorawanRequest);
          return 0;
        }
        const codec = options.get('codec');
        const fport = options.get('fport');
        const hex = options.get('hex');
        if (typeof codec !== 'string' || typeof fport !== 'string' || typeof hex !== 'string') {
          throw new UsageError('decode needs --codec, --fport and --hex (or --jsonl)');
        }
        if (!/^\d+$/.test(fport)) throw new UsageError('--fport must be a number');
        const recvTime = options.get('recv-time');
        return single(io, decodeLorawanRequest({ codec, fPort: Number(fport), hex, ...(typeof recvTime === 'string' ? { recvTime } : {}) }));
      }
      case 'wmbus': {
        if (options.has('jsonl')) {
          await jsonl(io, decodeWmbusRequest);
          return 0;
        }
        const hex = options.get('hex');
        if (typeof hex !== 'string') throw new UsageError('wmbus needs --hex (or --jsonl)');
        const key = options.get('key');
        return single(io, decodeWmbusRequest({ hex, ...(typeof key === 'string' ? { key } : {}) }));
      }
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`codec: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
