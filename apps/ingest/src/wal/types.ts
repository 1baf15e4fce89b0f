import type { Logger } from 'pino';

/** One record as the sink receives it: where it lies in the buffer, when it was appended, its bytes. */
export interface WalRecord {
  /** Segment sequence number and byte offset of the frame: unique and ordered within one buffer directory. */
  segment: number;
  offset: number;
  /** Milliseconds since the epoch when the record was appended (stored in the frame). */
  appendedAt: number;
  payload: Buffer;
}

/**
 * The drain target. Resolving means every record of the batch is stored downstream; only then does the
 * buffer advance its checkpoint. A rejection is retried with backoff, never dropped. A batch may be
 * delivered again after a crash between the sink's success and the checkpoint (at-least-once), so the
 * sink dedupes on a key inside the payload (ChirpStack's deduplicationId).
 */
export type WalSink = (batch: readonly WalRecord[], prepared?: unknown) => Promise<void>;

/**
 * Optional first stage of the sink, without side effects (parse, decode, encode). While the sink stores a full
 * batch, the next full batch (when one is already durable) is read and prepared, and its sink call receives the
 * result as `prepared`; so CPU work on one batch overlaps the downstream wait of the previous. A failed or skipped
 * preparation is harmless: the sink is then called without `prepared` and does the work itself (every retry too).
 */
export type WalPrepare = (batch: readonly WalRecord[]) => Promise<unknown>;

export interface WalOptions {
  dir: string;
  sink: WalSink;
  prepare?: WalPrepare;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** 'always' (default): an append resolves after fdatasync. 'none': after write(2) only (tests, benchmarks). */
  sync?: 'always' | 'none';
  /** Rotate the active segment past this size (default 8 MiB) ... */
  segmentMaxBytes?: number;
  /** ... or when it holds records and is older than this (default 60 s), so drained data can be deleted. */
  segmentMaxAgeMs?: number;
  /** Undrained record bytes allowed before appends wait (default 1 GiB). */
  capacityBytes?: number;
  /** Largest payload accepted (default 1 MiB). */
  maxRecordBytes?: number;
  /** A batch closes at this many records (default 1000), this many payload bytes (default 1 MiB) ... */
  batchMaxRecords?: number;
  batchMaxBytes?: number;
  /** ... or once its first record has waited this long (default 200 ms). */
  batchMaxWaitMs?: number;
  /** Sink retry backoff: first delay (default 100 ms), doubled up to the cap (default 30 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export type WalStatus = 'healthy' | 'degraded';

/** What health and metrics read. */
export interface WalState {
  status: WalStatus;
  /** Why degraded: 'write failed: …', 'sink failing: …', 'drain failing: …', 'buffer full'. Empty when healthy. */
  reasons: string[];
  bufferedBytes: number;
  bufferedRecords: number;
  /** Age of the oldest record not yet confirmed by the sink; 0 when empty. */
  oldestRecordAgeMs: number;
  segments: number;
  /** Appends waiting for space (backpressure). */
  waitingAppends: number;
  /** Consecutive failed sink calls of the current batch. */
  sinkFailures: number;
  lastSinkError?: string;
  /** Corrupt regions skipped at startup (each logged). */
  corruptRegionsSkipped: number;
  /** Bytes cut from a torn last segment at startup. */
  tornBytesTruncated: number;
}
