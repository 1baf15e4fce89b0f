import { UsageError, parseOptions } from '../cli-args';
import type { FaultRates } from './faults';
import { NO_FAULTS, parseFaults } from './faults';

export { UsageError };

export const USAGE = `usage: npm run -s simulate -- --meters N --rate R [--duration S | --count C] [--mqtt mqtt://127.0.0.1:1883]
  [--seed X] [--faults dup=0.01,ooo=0.01,reset=0.001,garbage=0.001] [--dry-run] [--backfill-days D]
  [--registry-csv <file>] [--application-id <uuid>] [--tenant-id <uuid>]
  --rate is messages per second (a trailing "/s" is accepted); --dry-run prints JSONL events to stdout;
  without --duration and --count it runs until stopped.`;

export interface SimulatorArgs {
  meters: number;
  rate: number;
  duration?: number;
  count?: number;
  mqtt: string;
  seed: number;
  faults: FaultRates;
  dryRun: boolean;
  backfillDays: number;
  registryCsv?: string;
  applicationId?: string;
  tenantId?: string;
}

const ALLOWED: Record<string, 'value' | 'flag'> = {
  meters: 'value',
  rate: 'value',
  duration: 'value',
  count: 'value',
  mqtt: 'value',
  seed: 'value',
  faults: 'value',
  'backfill-days': 'value',
  'registry-csv': 'value',
  'application-id': 'value',
  'tenant-id': 'value',
  'dry-run': 'flag',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function number(options: Map<string, string>, name: string, min: number, integer: boolean): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const value = Number(name === 'rate' ? raw.replace(/\/s$/, '') : raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a number'} >= ${min}, got "${raw}"`);
  }
  return value;
}

function uuid(options: Map<string, string>, name: string): string | undefined {
  const raw = options.get(name)?.toLowerCase();
  if (raw !== undefined && !UUID.test(raw)) throw new UsageError(`--${name} must be a UUID, got "${raw}"`);
  return raw;
}

export function parseSimulatorArgs(argv: readonly string[]): SimulatorArgs {
  const parsed = parseOptions(argv, ALLOWED);
  const options = new Map([...parsed].filter((entry): entry is [string, string] => entry[1] !== true));
  if (options.has('duration') && options.has('count')) throw new UsageError('give --duration or --count, not both');
  let faults: FaultRates = NO_FAULTS;
  try {
    if (options.has('faults')) faults = parseFaults(options.get('faults') ?? '');
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`);
  }
  const mqtt = options.get('mqtt') ?? 'mqtt://127.0.0.1:1883';
  if (!/^mqtts?:\/\/|^wss?:\/\//.test(mqtt)) throw new UsageError(`--mqtt must be an mqtt:// or mqtts:// URL, got "${mqtt}"`);
  return {
    meters: number(options, 'meters', 1, true) ?? 10,
    rate: number(options, 'rate', 0.001, false) ?? 10,
    duration: number(options, 'duration', 0, false),
    count: number(options, 'count', 0, true),
    mqtt,
    seed: number(options, 'seed', 0, true) ?? 1,
    faults,
    dryRun: parsed.has('dry-run'),
    backfillDays: number(options, 'backfill-days', 0, false) ?? 0,
    registryCsv: options.get('registry-csv'),
    applicationId: uuid(options, 'application-id'),
    tenantId: uuid(options, 'tenant-id'),
  };
}
