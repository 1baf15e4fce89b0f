/** One segment file as the writer and the drain see it. */
export interface SegmentInfo {
  seq: number;
  /** Bytes readable by the drain: durable bytes of the active segment, the whole file once sealed. */
  size: number;
  /** No more writes: the drain moves on once it has read `size` bytes. */
  sealed: boolean;
  /** Corrupt regions found at startup: offset of the bad bytes -> offset to resume at. */
  skips: Map<number, number>;
}

/** The segment holding `seq`, or else the first one after it (a checkpoint may name a deleted segment). */
export function segmentAtOrAfter(segments: readonly SegmentInfo[], seq: number): SegmentInfo | undefined {
  return segments.find((segment) => segment.seq >= seq);
}
