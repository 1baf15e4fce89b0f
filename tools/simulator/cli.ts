/**
 * `npm run -s simulate -- --meters N --rate R ...`: plays virtual meters as ChirpStack v4 events over MQTT
 * (see args.ts for the options and tools/simulator/README.md for what it generates).
 */
import { writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { USAGE, UsageError, parseSimulatorArgs } from './args';
import type { SimulatorArgs } from './args';
import { publishMessages } from './publish';
import { registryCsv } from './registry-csv';
import { DEFAULT_TARGET, defaultOptions, fleetOf, simulate } from './simulate';
import type { SimMessage, SimulationOptions } from './simulate';

export function simulationOptions(args: SimulatorArgs, now: number): SimulationOptions {
  return defaultOptions({
    meters: args.meters,
    seed: args.seed,
    now,
    interval: Math.max(1, args.meters / args.rate),
    backfillDays: args.backfillDays,
    faults: args.faults,
    target: {
      ...DEFAULT_TARGET,
      applicationId: args.applicationId ?? DEFAULT_TARGET.applicationId,
      tenantId: args.tenantId ?? DEFAULT_TARGET.tenantId,
    },
  });
}

/** The dry run: one JSON line per message ({topic, event, fault?, payload as parsed JSON or the raw text}). */
async function dryRun(messages: Iterable<SimMessage>, args: SimulatorArgs, out: Writable): Promise<number> {
  const limit = args.count ?? (args.duration !== undefined ? Math.floor(args.duration * args.rate) : 100);
  let n = 0;
  for (const m of messages) {
    if (n >= limit) break;
    let payload: unknown;
    try {
      payload = JSON.parse(m.payload);
    } catch {
      payload = m.payload;
    }
    const line = JSON.stringify({ topic: m.topic, event: m.event, ...(m.fault ? { fault: m.fault } : {}), payload });
    if (!out.write(`${line}\n`)) await new Promise((r) => out.once('drain', r));
    n++;
  }
  return n;
}

export async function main(argv: readonly string[], out: Writable = process.stdout, err: Writable = process.stderr): Promise<number> {
  let args: SimulatorArgs;
  try {
    args = parseSimulatorArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  const options = simulationOptions(args, Math.floor(Date.now() / 1000));
  if (args.registryCsv) {
    writeFileSync(args.registryCsv, registryCsv(fleetOf(options), args.seed));
    err.write(`wrote ${args.meters} meters to ${args.registryCsv}\n`);
  }
  if (args.dryRun) {
    await dryRun(simulate(options), args, out);
    return 0;
  }
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const sent = await publishMessages(simulate(options), { url: args.mqtt, rate: args.rate, count: args.count, duration: args.duration, signal: abort.signal });
    err.write(`published ${sent} messages to ${args.mqtt} (application ${options.target.applicationId})\n`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

if (require.main === module) {
  // `simulate --dry-run | head`: the reader leaving is the end of the output, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
