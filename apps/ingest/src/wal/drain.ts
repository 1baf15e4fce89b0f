import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Logger } from 'pino';
import { readFrame } from './frame';
import type { Checkpoint } from './segment-files';
import { segmentPath, syncDir, writeCheckpoint } from './segment-files';
import type { SegmentInfo } from './segment-info';
import { segmentAtOrAfter } from './segment-info';
import type { WalPrepare, WalRecord, WalSink } from './types';

export interface DrainSettings {
  dir: string;
  sync: boolean;
  maxBodyBytes: number;
  batchMaxRecords: number;
  batchMaxBytes: number;
  batchMaxWaitMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export interface DrainHooks {
  /** Records durable but not yet confirmed (past the first `skip` of them), and when the oldest was appended. */
  available(skip?: number): { records: number; appendedAt: number | undefined };
  /** The sink confirmed and the checkpoint moved past these records. */
  confirmed(records: number, bytes: number): void;
  sinkFailed(error: Error, attempts: number): void;
  /** Reading or checkpointing failed (undefined: works again). */
  drainFailed(error: Error | undefined): void;
}

interface Batch {
  records: WalRecord[];
  bytes: number;
  end: Checkpoint;
}

const READ_CHUNK = 1 << 20;

/** Delay before retry number `attempts` (1-based): base, 2 x base, 4 x base, ... capped at max. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts, 1) - 1, 30));
}

/**
 * Reads the segments in order from the checkpoint, hands batches to the sink, and only after the sink
 * resolved writes the checkpoint (the next unread record) and deletes the segments wholly before it.
 * A failing sink is retried with capped exponential backoff: a batch is never dropped.
 */
export class Drainer {
  private position: Checkpoint;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private signalled = false;
  private stopWakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private reader: { seq: number; handle: FileHandle } | undefined;

  constructor(
    private readonly settings: DrainSettings,
    private readonly segments: SegmentInfo[],
    position: Checkpoint,
    private readonly sink: WalSink,
    private readonly hooks: DrainHooks,
    private readonly log: Pick<Logger, 'info' | 'warn' | 'error'>,
    private readonly prepare?: WalPrepare,
  ) {
    this.position = { ...position };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** New records are readable, or a segment was sealed. */
  notify(): void {
    this.signalled = true;
    this.wakeUp?.();
  }

  /** Stops after the batch in flight (whose sink call is awaited, not retried). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.notify();
    this.stopWakeUp?.();
    await this.loop;
    await this.reader?.handle.close();
    this.reader = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let ahead: { batch: Batch; prepared: Promise<unknown> } | undefined;
    while (!this.stopped) {
      try {
        const batch = ahead?.batch ?? (await this.nextBatch());
        const prepared = ahead ? await ahead.prepared : undefined;
        ahead = undefined;
        if (!batch) continue;
        if (batch.records.length === 0) {
          // Counts and files disagree (should not happen): move past what was read and look again later.
          await this.commit(batch.end);
          await this.sleep(this.settings.batchMaxWaitMs, true);
          continue;
        }
        const delivering = this.deliver(batch.records, prepared);
        ahead = await this.readAhead(batch);
        if (!(await delivering)) return;
        await this.commit(batch.end, batch);
        if (failures > 0) this.hooks.drainFailed(undefined);
        failures = 0;
      } catch (error) {
        // A read, checkpoint or delete failure: the position did not move, so the next round starts there.
        ahead = undefined;
        failures++;
        this.hooks.drainFailed(error instanceof Error ? error : new Error(String(error)));
        this.log.error({ err: error, failures }, 'write-ahead drain failed; retrying');
        await this.sleep(this.backoff(failures), true);
      }
    }
  }

  /**
   * With a `prepare` stage: when a whole batch beyond `current` is already durable, reads it and starts preparing
   * it while `current` is being stored. Reads only (the checkpoint and segments are untouched until `current` is
   * confirmed); any failure just means no read-ahead.
   */
  private async readAhead(current: Batch): Promise<{ batch: Batch; prepared: Promise<unknown> } | undefined> {
    if (!this.prepare || this.stopped) return undefined;
    if (this.hooks.available(current.records.length).records < this.settings.batchMaxRecords) return undefined;
    try {
      const batch = await this.readBatch(current.end);
      if (batch.records.length === 0) return undefined;
      const prepare = this.prepare;
      return { batch, prepared: prepare(batch.records).catch(() => undefined) };
    } catch (error) {
      this.log.warn({ err: error }, 'write-ahead read-ahead failed; the batch is read again after the current one');
      return undefined;
    }
  }

  /** Waits until a batch is due (full by count or bytes, or its oldest record waited long enough). */
  private async nextBatch(): Promise<Batch | undefined> {
    const { batchMaxRecords, batchMaxWaitMs } = this.settings;
    for (;;) {
      if (this.stopped) return undefined;
      this.signalled = false;
      const available = this.hooks.available();
      if (available.records === 0) {
        await this.releaseDrained();
        await this.sleep(undefined);
        continue;
      }
      const waited = Date.now() - (available.appendedAt ?? 0);
      if (available.records >= batchMaxRecords || waited >= batchMaxWaitMs) break;
      await this.sleep(batchMaxWaitMs - waited);
    }
    return this.readBatch(this.position);
  }

  private async readBatch(from: Checkpoint): Promise<Batch> {
    const { batchMaxRecords, batchMaxBytes, maxBodyBytes } = this.settings;
    const records: WalRecord[] = [];
    let bytes = 0;
    let payloadBytes = 0;
    const pos = { ...from };
    while (records.length < batchMaxRecords && payloadBytes < batchMaxBytes) {
      const segment = segmentAtOrAfter(this.segments, pos.segment);
      if (!segment) break;
      if (segment.seq !== pos.segment) Object.assign(pos, { segment: segment.seq, offset: 0 });
      const skipTo = segment.skips.get(pos.offset);
      if (skipTo !== undefined) {
        pos.offset = skipTo;
        continue;
      }
      if (pos.offset >= segment.size) {
        if (!segment.sealed) break;
        Object.assign(pos, { segment: segment.seq + 1, offset: 0 });
        continue;
      }
      const buf = await this.readAt(segment, pos.offset);
      let at = 0;
      while (at < buf.length && records.length < batchMaxRecords && payloadBytes < batchMaxBytes && (at === 0 || !segment.skips.has(pos.offset + at))) {
        const frame = readFrame(buf, at, maxBodyBytes);
        if (frame.kind === 'short' && at > 0) break;
        if (frame.kind !== 'ok') {
          if (!segment.sealed) throw new Error(`unreadable frame at ${segment.seq}:${pos.offset + at} of the active segment`);
          this.log.error({ segment: segment.seq, offset: pos.offset + at }, 'write-ahead segment unreadable past this offset: skipping to the next segment');
          segment.skips.set(pos.offset + at, segment.size);
          break;
        }
        // A view: `readAt` gives every read its own buffer, which the batch's records share.
        records.push({ segment: segment.seq, offset: pos.offset + at, appendedAt: frame.appendedAt, payload: frame.payload });
        bytes += frame.size;
        payloadBytes += frame.payload.length;
        at += frame.size;
      }
      pos.offset += at;
    }
    return { records, bytes, end: pos };
  }

  /** Bytes from `offset` up to the readable end (at most a chunk, or one whole frame if larger). */
  private async readAt(segment: SegmentInfo, offset: number): Promise<Buffer> {
    if (this.reader?.seq !== segment.seq) {
      await this.reader?.handle.close();
      this.reader = undefined;
      this.reader = { seq: segment.seq, handle: await fs.open(segmentPath(this.settings.dir, segment.seq), 'r') };
    }
    const handle = this.reader.handle;
    const header = Buffer.alloc(4);
    await handle.read(header, 0, 4, offset);
    const length = Math.max(READ_CHUNK, Math.min(8 + header.readUInt32LE(0), this.settings.maxBodyBytes + 8));
    const buf = Buffer.allocUnsafe(Math.min(length, segment.size - offset));
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  }

  private async deliver(records: WalRecord[], prepared?: unknown): Promise<boolean> {
    for (let attempts = 1; ; attempts++) {
      try {
        // A preparation is used once: a retry prepares again (inside the sink).
        await this.sink(records, attempts === 1 ? prepared : undefined);
        return true;
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        this.hooks.sinkFailed(err, attempts);
        this.log.warn({ err, attempts, records: records.length }, 'write-ahead sink failed; retrying the batch');
        if (this.stopped) return false;
        await this.sleep(this.backoff(attempts), true);
        if (this.stopped) return false;
      }
    }
  }

  private backoff(attempts: number): number {
    return retryDelay(attempts, this.settings.retryBaseMs, this.settings.retryMaxMs);
  }

  /**
   * Checkpoint first, then delete: a crash in between leaves segments that recovery deletes. A failed
   * delete is logged and tried again at the next commit; only a failed checkpoint write throws.
   */
  private async commit(position: Checkpoint, confirmed?: Batch): Promise<void> {
    let next = { ...position };
    const current = segmentAtOrAfter(this.segments, next.segment);
    if (current && current.seq === next.segment && current.sealed && next.offset >= current.size) next = { segment: current.seq + 1, offset: 0 };
    if (next.segment !== this.position.segment || next.offset !== this.position.offset) {
      await writeCheckpoint(this.settings.dir, next, this.settings.sync);
      this.position = next;
    }
    if (confirmed) this.hooks.confirmed(confirmed.records.length, confirmed.bytes);
    await this.deleteBefore(next.segment).catch((error: unknown) => this.log.warn({ err: error }, 'could not delete drained write-ahead segments; trying again later'));
  }

  private async deleteBefore(seq: number): Promise<void> {
    const drained = this.segments.filter((segment) => segment.seq < seq);
    if (drained.length === 0) return;
    if (this.reader && this.reader.seq < seq) {
      const { handle } = this.reader;
      this.reader = undefined;
      await handle.close();
    }
    for (const segment of drained) {
      await fs.rm(segmentPath(this.settings.dir, segment.seq), { force: true });
      this.segments.splice(this.segments.indexOf(segment), 1);
    }
    if (this.settings.sync) await syncDir(this.settings.dir);
  }

  /** A sealed segment read to its end is deleted even when no new record follows it. */
  private async releaseDrained(): Promise<void> {
    const current = segmentAtOrAfter(this.segments, this.position.segment);
    if (!current) return;
    const offset = current.seq === this.position.segment ? this.position.offset : 0;
    if (current.sealed && offset >= current.size) await this.commit({ segment: current.seq, offset });
  }

  /** Sleeps `ms` (undefined: until woken); new records wake it unless `onlyStop` (a backoff). */
  private sleep(ms: number | undefined, onlyStop = false): Promise<void> {
    if (this.stopped || (!onlyStop && this.signalled)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, Math.max(0, ms));
      function done(): void {
        if (timer) clearTimeout(timer);
        resolve();
      }
      const wake = (): void => {
        if (this.wakeUp === wake) this.wakeUp = undefined;
        if (this.stopWakeUp === wake) this.stopWakeUp = undefined;
        done();
      };
      if (onlyStop) this.stopWakeUp = wake;
      else this.wakeUp = wake;
    });
  }
}
