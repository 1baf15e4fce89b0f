import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { WalRecord } from '../src/wal/types';

export function tempDir(prefix = 'wal-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function segmentFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.wal')).sort();
}

/** Polls until `check` holds (no timing assertions: only a generous deadline against hangs). */
export async function waitFor(check: () => boolean, what: string, deadlineMs = 4000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A sink that records what it received; `hold()` makes calls wait until `release()`; `fail(n)` rejects the next n. */
export class TestSink {
  readonly batches: string[][] = [];
  calls = 0;
  private failures = 0;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  readonly sink = async (batch: readonly WalRecord[]): Promise<void> => {
    this.calls++;
    if (this.gate) await this.gate;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('ClickHouse is down');
    }
    this.batches.push(batch.map((record) => record.payload.toString()));
  };

  get delivered(): string[] {
    return this.batches.flat();
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.gate = undefined;
    this.open?.();
  }

  fail(times: number): void {
    this.failures = times;
  }
}

export function ids(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `r${from + i}`);
}
