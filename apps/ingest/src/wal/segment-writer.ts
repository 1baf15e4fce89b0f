import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { SegmentInfo } from './segment-info';
import { segmentPath, syncDir } from './segment-files';

interface Pending {
  frame: Buffer;
  appendedAt: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

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
  private pending: Pending[] = [];
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

  append(frame: Buffer, appendedAt: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ frame, appendedAt, resolve, reject });
      this.kick();
    });
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
      if (this.pending.length > 0 || this.sealRequested) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0 || this.sealRequested) {
      const group = this.pending;
      this.pending = [];
      try {
        if (group.length > 0) await this.writeGroup(group);
        if (this.sealRequested && this.pending.length === 0) {
          this.sealRequested = false;
          await this.seal();
        }
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        const failed = [...group, ...this.pending];
        this.pending = [];
        this.sealRequested = false;
        for (const item of failed) item.reject(this.failure);
        return;
      }
      for (const item of group) item.resolve();
    }
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    let chunk: Pending[] = [];
    let chunkBytes = 0;
    for (const item of group) {
      const size = this.active ? this.active.info.size + chunkBytes : 0;
      if (!this.active || (size > 0 && size + item.frame.length > this.settings.segmentMaxBytes)) {
        await this.writeChunk(chunk, chunkBytes);
        chunk = [];
        chunkBytes = 0;
        await this.seal();
        await this.open();
      }
      chunk.push(item);
      chunkBytes += item.frame.length;
    }
    await this.writeChunk(chunk, chunkBytes);
  }

  private async writeChunk(chunk: Pending[], bytes: number): Promise<void> {
    if (chunk.length === 0 || !this.active) return;
    const { handle, info } = this.active;
    const data = chunk.length === 1 ? chunk[0].frame : Buffer.concat(chunk.map((item) => item.frame), bytes);
    let written = 0;
    while (written < data.length) {
      const result = await handle.write(data, written, data.length - written, info.size + written);
      written += result.bytesWritten;
    }
    if (this.settings.sync) await handle.datasync();
    info.size += data.length;
    this.events.durable(chunk.length, chunk[0].appendedAt);
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
