import { DomainError } from '@app/contracts';
import { AppendTimes } from './append-times';
import { Drainer } from './drain';
import { FRAME_OVERHEAD } from './frame';
import type { RecordFill } from './frame';
import { recover } from './recovery';
import type { SegmentInfo } from './segment-info';
import { SegmentWriter } from './segment-writer';
import type { WalOptions, WalState } from './types';

const MiB = 1024 * 1024;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Waiter {
  bytes: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The ingest write-ahead buffer (docs/architecture.md, "Ingest: write-ahead buffer"): `append` resolves
 * once the record is durable on local disk; a drain hands records in order, in batches, to the sink and
 * deletes what the sink confirmed. Open with `WriteAheadBuffer.open`, which first recovers the directory.
 */
export class WriteAheadBuffer {
  private readonly times = new AppendTimes();
  private readonly waiters: Waiter[] = [];
  private bufferedBytes: number;
  private bufferedRecords: number;
  private durableRecords: number;
  private confirmedRecords = 0;
  private sinkFailures = 0;
  private lastSinkError: string | undefined;
  private drainError: string | undefined;
  private closed = false;
  private readonly ageTimer: NodeJS.Timeout;

  private constructor(
    private readonly options: Required<Omit<WalOptions, 'logger' | 'prepare'>> & Pick<WalOptions, 'logger' | 'prepare'>,
    private readonly segments: SegmentInfo[],
    private readonly writer: SegmentWriter,
    private readonly drainer: Drainer,
    recovered: { records: number; bytes: number; oldestAppendedAt: number | undefined; corruptRegions: number; tornBytes: number },
    private readonly recovery = { corruptRegions: recovered.corruptRegions, tornBytes: recovered.tornBytes },
  ) {
    this.bufferedBytes = recovered.bytes;
    this.bufferedRecords = recovered.records;
    this.durableRecords = recovered.records;
    if (recovered.records > 0) this.times.push(recovered.records, recovered.oldestAppendedAt ?? Date.now());
    this.ageTimer = setInterval(() => this.writer.sealIfOld(Date.now()), Math.min(options.segmentMaxAgeMs, 1000));
    this.ageTimer.unref();
  }

  static async open(input: WalOptions): Promise<WriteAheadBuffer> {
    const options = {
      sync: 'always' as const,
      segmentMaxBytes: 8 * MiB,
      segmentMaxAgeMs: 60_000,
      capacityBytes: 1024 * MiB,
      maxRecordBytes: MiB,
      batchMaxRecords: 1000,
      batchMaxBytes: MiB,
      batchMaxWaitMs: 200,
      retryBaseMs: 100,
      retryMaxMs: 30_000,
      ...input,
    };
    const log = input.logger ?? silent;
    const sync = options.sync === 'always';
    const maxBodyBytes = options.maxRecordBytes + FRAME_OVERHEAD;
    const recovered = await recover(options.dir, maxBodyBytes, sync, log);
    const ref: { buffer?: WriteAheadBuffer } = {};
    const writer = new SegmentWriter({ dir: options.dir, sync, segmentMaxBytes: options.segmentMaxBytes, segmentMaxAgeMs: options.segmentMaxAgeMs }, recovered.segments, recovered.nextSeq, {
      durable: (records, at) => ref.buffer?.onDurable(records, at),
      sealed: () => ref.buffer?.drainer.notify(),
    });
    const drainer = new Drainer(
      { ...options, sync, maxBodyBytes },
      recovered.segments,
      recovered.position,
      options.sink,
      {
        available: (skip = 0) => ({
          records: ref.buffer ? Math.max(0, ref.buffer.durableRecords - ref.buffer.confirmedRecords - skip) : 0,
          appendedAt: ref.buffer?.times.timeOf(ref.buffer.confirmedRecords + skip),
        }),
        confirmed: (records, bytes) => ref.buffer?.onConfirmed(records, bytes),
        sinkFailed: (error, attempts) => ref.buffer?.onSinkFailed(error, attempts),
        drainFailed: (error) => ref.buffer?.onDrainFailed(error),
      },
      log,
      options.prepare,
    );
    const buffer = new WriteAheadBuffer(options, recovered.segments, writer, drainer, recovered);
    ref.buffer = buffer;
    drainer.start();
    return buffer;
  }

  /**
   * Appends one record, `payload` whole or in parts that make one record (copied once, into its frame). Resolves
   * once the record is durable (fdatasync with `sync: 'always'`). While the buffer is at its capacity it waits for
   * the drain to free space (backpressure); it never drops a record.
   */
  append(payload: Buffer | readonly Buffer[]): Promise<void> {
    if (Buffer.isBuffer(payload)) return this.appendWith(payload.length, (target, offset) => payload.copy(target, offset));
    let length = 0;
    for (const part of payload) length += part.length;
    return this.appendWith(length, (target, offset) => {
      let at = offset;
      for (const part of payload) at += part.copy(target, at);
    });
  }

  /**
   * Appends a `length`-byte record that `fill` writes straight into the buffer's staging memory (no buffer of its
   * own): the hot path of ingest, one call per MQTT message. Resolves as `append`.
   */
  appendWith(length: number, fill: RecordFill): Promise<void> {
    if (this.closed) return Promise.reject(new DomainError('SERVICE_UNAVAILABLE', 'the write-ahead buffer is closed'));
    if (length > this.options.maxRecordBytes) {
      return Promise.reject(new DomainError('PAYLOAD_TOO_LARGE', `record of ${length} bytes exceeds the write-ahead buffer's limit of ${this.options.maxRecordBytes}`));
    }
    if (this.writer.failure) return Promise.reject(new DomainError('SERVICE_UNAVAILABLE', `the write-ahead buffer cannot write: ${this.writer.failure.message}`));
    const bytes = length + FRAME_OVERHEAD;
    if (this.waiters.length > 0 || !this.fits(bytes)) {
      return new Promise<void>((resolve, reject) => this.waiters.push({ bytes, resolve, reject })).then(() => this.writer.append(length, fill, Date.now()));
    }
    this.reserve(bytes);
    return this.writer.append(length, fill, Date.now());
  }

  state(): WalState {
    const reasons: string[] = [];
    if (this.writer.failure) reasons.push(`write failed: ${this.writer.failure.message}`);
    if (this.sinkFailures > 0) reasons.push(`sink failing: ${this.lastSinkError ?? 'unknown'} (${this.sinkFailures} attempts)`);
    if (this.drainError) reasons.push(`drain failing: ${this.drainError}`);
    if (this.waiters.length > 0) reasons.push('buffer full');
    const oldest = this.bufferedRecords > 0 ? this.times.timeOf(this.confirmedRecords) : undefined;
    return {
      status: reasons.length > 0 ? 'degraded' : 'healthy',
      reasons,
      bufferedBytes: this.bufferedBytes,
      bufferedRecords: this.bufferedRecords,
      oldestRecordAgeMs: oldest === undefined ? 0 : Math.max(0, Date.now() - oldest),
      segments: this.segments.length,
      waitingAppends: this.waiters.length,
      sinkFailures: this.sinkFailures,
      ...(this.lastSinkError && this.sinkFailures > 0 ? { lastSinkError: this.lastSinkError } : {}),
      corruptRegionsSkipped: this.recovery.corruptRegions,
      tornBytesTruncated: this.recovery.tornBytes,
    };
  }

  /** Finishes the writes in progress and the batch in flight, then stops. Waiting appends are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ageTimer);
    for (const waiter of this.waiters.splice(0)) waiter.reject(new DomainError('SERVICE_UNAVAILABLE', 'the write-ahead buffer is closed'));
    await this.writer.close();
    await this.drainer.stop();
  }

  private fits(bytes: number): boolean {
    return this.bufferedBytes === 0 || this.bufferedBytes + bytes <= this.options.capacityBytes;
  }

  private reserve(bytes: number): void {
    this.bufferedBytes += bytes;
    this.bufferedRecords++;
  }

  private onDurable(records: number, appendedAt: number): void {
    this.durableRecords += records;
    this.times.push(this.durableRecords, appendedAt);
    this.drainer.notify();
  }

  private onConfirmed(records: number, bytes: number): void {
    this.confirmedRecords += records;
    this.bufferedRecords -= records;
    this.bufferedBytes -= bytes;
    this.times.dropBelow(this.confirmedRecords);
    this.sinkFailures = 0;
    while (this.waiters.length > 0 && this.fits(this.waiters[0].bytes)) {
      const waiter = this.waiters.shift() as Waiter;
      this.reserve(waiter.bytes);
      waiter.resolve();
    }
  }

  private onDrainFailed(error: Error | undefined): void {
    this.drainError = error?.message;
  }

  private onSinkFailed(error: Error, attempts: number): void {
    this.sinkFailures = attempts;
    this.lastSinkError = error.message;
  }
}
