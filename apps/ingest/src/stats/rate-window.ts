/** Running totals of the pipeline's counters, as `IngestMetrics.totals` holds them. */
export interface IngestTotals {
  received: number;
  stored: number;
  deadLettered: number;
}

export interface IngestRates {
  receivedPerSecond: number;
  storedPerSecond: number;
  deadLetteredPerSecond: number;
}

interface Sample {
  at: number;
  totals: IngestTotals;
}

const ZERO: IngestRates = { receivedPerSecond: 0, storedPerSecond: 0, deadLetteredPerSecond: 0 };

/**
 * Per-second rates over a sliding window of samples of the running totals: the difference between the
 * newest sample and the last one at or before `now - windowMs`, divided by the real time between them
 * (so a late timer, e.g. a busy event loop, does not inflate a rate). Until the window has filled it
 * covers what it has; with one sample (or none) every rate is 0. A total that went down (never expected:
 * the totals only grow) reads as 0, never negative.
 */
export class RateWindow {
  private readonly samples: Sample[] = [];

  constructor(private readonly windowMs: number) {
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
  }

  /** Records the totals at `at` (ms); a sample older than the newest is ignored (a clock step back). */
  add(at: number, totals: IngestTotals): void {
    const newest = this.samples[this.samples.length - 1];
    if (newest && at < newest.at) return;
    this.samples.push({ at, totals: { ...totals } });
    // Keep one sample at or before the window's start, so the window is fully covered once warm.
    while (this.samples.length > 2 && this.samples[1].at <= at - this.windowMs) this.samples.shift();
  }

  rates(): IngestRates {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return { ...ZERO };
    const seconds = (last.at - first.at) / 1000;
    const rate = (key: keyof IngestTotals) => round(Math.max(0, last.totals[key] - first.totals[key]) / seconds);
    return { receivedPerSecond: rate('received'), storedPerSecond: rate('stored'), deadLetteredPerSecond: rate('deadLettered') };
  }

  /** How many samples are held (for tests: the window stays bounded). */
  get size(): number {
    return this.samples.length;
  }
}

/** Two decimals: enough for a status page, and stable JSON. */
export const round = (value: number): number => Math.round(value * 100) / 100;
