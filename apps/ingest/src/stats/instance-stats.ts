import type { IngestInstanceStats, IngestStats } from '@app/contracts';
import type { WalState } from '../wal/types';
import type { IngestRates, IngestTotals } from './rate-window';
import { round } from './rate-window';

/** An instance's entry is listed while it is at most this old (it publishes about once a second). */
export const STATS_FRESH_MS = 10_000;
/** Entries older than this are deleted from the hash by any publisher (an instance that died without cleaning up). */
export const STATS_PRUNE_MS = 60_000;

/** What the stats need of the write-ahead buffer; `status`/`reasons` absent reads healthy. */
export type WalView = Pick<WalState, 'bufferedRecords' | 'oldestRecordAgeMs'> & Partial<Pick<WalState, 'status' | 'reasons'>>;

/** One instance's published entry. Without a buffer (none registered yet) it is healthy and empty. */
export function instanceStats(instanceId: string, at: Date, rates: IngestRates, totals: IngestTotals, wal: WalView | undefined): IngestInstanceStats {
  const degraded = wal?.status === 'degraded';
  return {
    instanceId,
    at: at.toISOString(),
    ...rates,
    receivedTotal: totals.received,
    storedTotal: totals.stored,
    deadLetteredTotal: totals.deadLettered,
    bufferStatus: degraded ? 'degraded' : 'healthy',
    bufferReasons: degraded ? [...(wal?.reasons ?? [])] : [],
    bufferedRecords: wal?.bufferedRecords ?? 0,
    oldestBufferedAgeMs: Math.round(wal?.oldestRecordAgeMs ?? 0),
  };
}

/** A hash value back to an entry; anything else (garbage, an older shape) is undefined and ignored. */
export function parseInstanceStats(value: string): IngestInstanceStats | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const entry = parsed as Partial<IngestInstanceStats>;
  const numbers = [entry.receivedPerSecond, entry.storedPerSecond, entry.deadLetteredPerSecond];
  if (typeof entry.instanceId !== 'string' || typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) return undefined;
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  return entry as IngestInstanceStats;
}

/** Age of an entry at `now`; garbage is infinitely old. */
export function entryAgeMs(value: string, now: number): number {
  const entry = parseInstanceStats(value);
  return entry ? now - Date.parse(entry.at) : Number.POSITIVE_INFINITY;
}

/**
 * The answer of `ingest.stats.get` from the hash's values: the entries heard in the last `freshMs`
 * (by the reader's clock; instances should keep their clocks in sync), sorted by instance id, and their sums.
 */
export function summarize(values: readonly string[], now: number, freshMs = STATS_FRESH_MS): IngestStats {
  const instances = values
    .map(parseInstanceStats)
    .filter((entry): entry is IngestInstanceStats => entry !== undefined && now - Date.parse(entry.at) <= freshMs)
    .sort((a, b) => a.instanceId.localeCompare(b.instanceId));
  const sum = (key: 'receivedPerSecond' | 'storedPerSecond' | 'deadLetteredPerSecond') => round(instances.reduce((total, entry) => total + entry[key], 0));
  return { instances, receivedPerSecond: sum('receivedPerSecond'), storedPerSecond: sum('storedPerSecond'), deadLetteredPerSecond: sum('deadLetteredPerSecond') };
}
