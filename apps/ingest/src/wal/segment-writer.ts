import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { FRAME_OVERHEAD, writeFrameAt } from './frame';
import type { RecordFill } from './frame';
import type { SegmentInfo } from './segment-info';
import { segmentPath, syncDir } from './segment-files';

/**
 * The frames appended since the last write began, encoded one after the other in one staging buffer (no buffer
 * per record, no copy to join them), and the one promise they all wait for.
 */
class Group {
  readonly sizes: number[] = [];
  readonly times: number[] = [];
  used = 0;
  readonly done: Promise<void>;
  resolve!: () => void;
  reject!: (error: Error) => void;

  constructor(public staging: Buffer) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // A group that fails is rejected whether or not its appenders still listen.
    this.done.catch(() => undefined);
  }

  get count(): number {
    return this.sizes.length;
  }
}

const STAGING_BYTES = 1024 * 1024;
const MAX_SPARE_BYTES = 64 * 1024 * 1024;

export interface WriterSettings {
  dir: string;
  sync: boolean;
  segmentMaxBytes: number;
  segmentMaxAgeMs: number;
}

export interface WriterEvents {
  /** `records` frames (the first appended at `firstAppendedAt`) are durable and readable. */
  durable(records: number, firstAppendedAt: number): void;
  sealed(): void;
}

/**
 * Appends frames to the active segment with group commit: frames arriving while a write + fdatasync is
 * in flight wait, then go down together in one write and one fdatasync, and all their promises resolve
 * after it. A failed write or sync is final (the page cache can no longer be trusted, "fsyncgate"):
 * every later append rejects and the buffer reports it; startup recovery cuts any torn tail.
 */
export class SegmentWriter {
  private pending: Group | undefined;
  /** Staging buffers of written groups, reused (at most two: one being written, one filling). */
  private readonly spare: Buffer[] = [];
  private flushing: Promise<void> | undefined;
  private active: { info: SegmentInfo; handle: FileHandle; openedAt: number } | undefined;
  private sealRequested = false;
  failure: Error | undefined;

  constructor(
    private readonly settings: WriterSettings,
    private readonly segments: SegmentInfo[],
    private nextSeq: number,
    private readonly events: WriterEvents,
  ) {}

  /** Appends the frame of a `recordLength`-byte record written by `fill`; resolves when it is durable. */
  append(recordLength: number, fill: RecordFill, appendedAt: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const size = FRAME_OVERHEAD + recordLength;
    const group = (this.pending ??= new Group(this.spare.pop() ?? Buffer.allocUnsafe(Math.max(STAGING_BYTES, size))));
    if (group.used + size > group.staging.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * group.staging.length, group.used + size));
      group.staging.copy(grown, 0, 0, group.used);
      group.staging = grown;
    }
    group.used += writeFrameAt(group.staging, group.used, recordLength, fill, appendedAt);
    group.sizes.push(size);
    group.times.push(appendedAt);
    this.kick();
    return group.done;
  }

  /** Seals the active segment if it holds records and is older than the age limit. */
  sealIfOld(now: number): void {
    if (this.active && this.active.info.size > 0 && now - this.active.openedAt >= this.settings.segmentMaxAgeMs) {
      this.sealRequested = true;
      this.kick();
    }
  }

  /** Resolves once everything appended so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.idle();
    if (this.active) await this.active.handle.close();
    this.active = undefined;
  }

  private kick(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending || this.sealRequested) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending || this.sealRequested) {
      const group = this.pending;
      this.pending = undefined;
      try {
        if (group) await this.writeGroup(group);
        if (this.sealRequested && !this.pending) {
          this.sealRequested = false;
          await this.seal();
        }
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        const waiting = this.pending as Group | undefined;
        this.pending = undefined;
        this.sealRequested = false;
        group?.reject(this.failure);
        waiting?.reject(this.failure);
        return;
      }
      if (group) {
        group.resolve();
        // Kept up to a size that holds a burst (a group is everything that arrived during one fdatasync).
        if (this.spare.length < 2 && group.staging.length <= MAX_SPARE_BYTES) this.spare.push(group.staging);
      }
    }
  }

  /** Writes a group's frames, in chunks that never cross a segment's size limit. */
  private async writeGroup(group: Group): Promise<void> {
    let chunkStart = 0;
    let chunkBytes = 0;
    let chunkFirst = 0;
    for (let i = 0; i < group.count; i++) {
      const size = group.sizes[i] as number;
      const filled = this.active ? this.active.info.size + chunkBytes : 0;
      if (!this.active || (filled > 0 && filled + size > this.settings.segmentMaxBytes)) {
        await this.writeChunk(group, chunkStart, chunkBytes, i - chunkFirst, chunkFirst);
        chunkStart += chunkBytes;
        chunkBytes = 0;
        chunkFirst = i;
        await this.seal();
        await this.open();
      }
      chunkBytes += size;
    }
    await this.writeChunk(group, chunkStart, chunkBytes, group.count - chunkFirst, chunkFirst);
  }

  private async writeChunk(group: Group, start: number, bytes: number, records: number, first: number): Promise<void> {
    if (records === 0 || !this.active) return;
    const { handle, info } = this.active;
    let written = 0;
    while (written < bytes) {
      const result = await handle.write(group.staging, start + written, bytes - written, info.size + written);
      written += result.bytesWritten;
    }
    if (this.settings.sync) await handle.datasync();
    info.size += bytes;
    this.events.durable(records, group.times[first] as number);
  }

  private async seal(): Promise<void> {
    if (!this.active) return;
    const { handle, info } = this.active;
    this.active = undefined;
    info.sealed = true;
    await handle.close();
    this.events.sealed();
  }

  private async open(): Promise<void> {
    const seq = this.nextSeq++;
    const handle = await fs.open(segmentPath(this.settings.dir, seq), 'wx');
    if (this.settings.sync) await syncDir(this.settings.dir);
    const info: SegmentInfo = { seq, size: 0, sealed: false, skips: new Map() };
    this.segments.push(info);
    this.active = { info, handle, openedAt: Date.now() };
  }
}
