import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { FRAME_OVERHEAD, writeFrameAt } from './frame';
import type { RecordFill } from './frame';
import type { SegmentInfo } from './segment-info';
import { segmentPath, syncDir } from './segment-files';

/** Part of a group's staging memory: frames one after the other, `frames` of them in `used` bytes. */
interface StagingChunk {
  buffer: Buffer;
  used: number;
  frames: number;
}

/**
 * The frames appended since the last write began, encoded one after the other into staging chunks (no buffer per
 * record, no copy to join them; a full chunk is followed by another, never copied into a bigger one), and the one
 * promise they all wait for.
 */
class Group {
  readonly chunks: StagingChunk[] = [];
  readonly sizes: number[] = [];
  readonly times: number[] = [];
  readonly done: Promise<void>;
  resolve!: () => void;
  reject!: (error: Error) => void;

  constructor() {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // A group that fails is rejected whether or not its appenders still listen.
    this.done.catch(() => undefined);
  }
}

/** Staging chunk size; a record larger than this gets a chunk of its own size. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Chunks kept for reuse once written (a burst's worth). */
const MAX_SPARE_CHUNKS = 16;

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
    const group = (this.pending ??= new Group());
    let chunk = group.chunks[group.chunks.length - 1];
    if (!chunk || chunk.used + size > chunk.buffer.length) {
      const reused = size <= CHUNK_BYTES ? this.spare.pop() : undefined;
      chunk = { buffer: reused ?? Buffer.allocUnsafe(Math.max(CHUNK_BYTES, size)), used: 0, frames: 0 };
      group.chunks.push(chunk);
    }
    chunk.used += writeFrameAt(chunk.buffer, chunk.used, recordLength, fill, appendedAt);
    chunk.frames += 1;
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
        for (const chunk of group.chunks) if (this.spare.length < MAX_SPARE_CHUNKS && chunk.buffer.length === CHUNK_BYTES) this.spare.push(chunk.buffer);
      }
    }
  }

  /**
   * Writes a group's frames chunk by chunk, in writes that never cross a segment's size limit; one fdatasync per
   * segment touched (before it is sealed, and at the end), then the frames are announced durable.
   */
  private async writeGroup(group: Group): Promise<void> {
    let frame = 0;
    for (const chunk of group.chunks) {
      let start = 0;
      let bytes = 0;
      let first = frame;
      for (let i = 0; i < chunk.frames; i++, frame++) {
        const size = group.sizes[frame] as number;
        const filled = this.active ? this.active.info.size + this.unsyncedBytes + bytes : 0;
        if (!this.active || (filled > 0 && filled + size > this.settings.segmentMaxBytes)) {
          await this.writeRange(chunk.buffer, start, bytes, frame - first, group.times[first] as number);
          await this.syncWritten();
          start += bytes;
          bytes = 0;
          first = frame;
          await this.seal();
          await this.open();
        }
        bytes += size;
      }
      await this.writeRange(chunk.buffer, start, bytes, frame - first, group.times[first] as number);
    }
    await this.syncWritten();
  }

  /** Written to the active segment but not yet synced: (records, first appendedAt) per write, and their bytes. */
  private unsynced: [number, number][] = [];
  private unsyncedBytes = 0;

  private async writeRange(buffer: Buffer, start: number, bytes: number, records: number, firstAppendedAt: number): Promise<void> {
    if (records === 0 || !this.active) return;
    const { handle, info } = this.active;
    const at = info.size + this.unsyncedBytes;
    let written = 0;
    while (written < bytes) {
      const result = await handle.write(buffer, start + written, bytes - written, at + written);
      written += result.bytesWritten;
    }
    this.unsyncedBytes += bytes;
    this.unsynced.push([records, firstAppendedAt]);
  }

  /** The segment's size (what the drain may read) moves only once the bytes are synced. */
  private async syncWritten(): Promise<void> {
    if (this.unsynced.length === 0 || !this.active) return;
    if (this.settings.sync) await this.active.handle.datasync();
    this.active.info.size += this.unsyncedBytes;
    this.unsyncedBytes = 0;
    const written = this.unsynced;
    this.unsynced = [];
    for (const [records, firstAppendedAt] of written) this.events.durable(records, firstAppendedAt);
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
