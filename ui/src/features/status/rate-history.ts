import type { IngestStats } from '@contracts/ingest.contract';
import { useSyncExternalStore } from 'react';

/** One point of the rate history: the platform-wide sums at the time the answer arrived. */
export interface RatePoint {
  at: number;
  received: number;
  stored: number;
  deadLettered: number;
}

/** How far back the history goes. */
export const RATE_HISTORY_MS = 2 * 60_000;

/**
 * The last two minutes of the ingest sums, kept in the browser only (the platform keeps no history of
 * them). One module-level store, so leaving the status page and coming back keeps what was collected.
 */
export class RateHistory {
  private points: readonly RatePoint[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly spanMs = RATE_HISTORY_MS) {}

  /** Adds an answer received at `at` (ms); the same answer twice (a re-render) is added once. */
  add(at: number, stats: IngestStats): void {
    const last = this.points[this.points.length - 1];
    if (last && at <= last.at) return;
    const point = { at, received: stats.receivedPerSecond, stored: stats.storedPerSecond, deadLettered: stats.deadLetteredPerSecond };
    this.points = [...this.points.filter((p) => p.at > at - this.spanMs), point];
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): readonly RatePoint[] => this.points;
}

export const rateHistory = new RateHistory();

export function useRateHistory(history: RateHistory = rateHistory): readonly RatePoint[] {
  return useSyncExternalStore(history.subscribe, history.snapshot);
}
