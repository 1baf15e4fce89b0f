import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Logger } from 'pino';
import { findNextFrame, readFrame } from './frame';
import type { SegmentInfo } from './segment-info';
import type { Checkpoint } from './segment-files';
import { CHECKPOINT_FILE, listSegmentSeqs, readCheckpoint, segmentPath, syncDir } from './segment-files';

export interface Recovered {
  segments: SegmentInfo[];
  /** Where the drain resumes (the checkpoint, or the start of the oldest segment). */
  position: Checkpoint;
  /** The first sequence number free for a new segment. */
  nextSeq: number;
  records: number;
  bytes: number;
  oldestAppendedAt: number | undefined;
  corruptRegions: number;
  tornBytes: number;
}

type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * Startup: drops segments the checkpoint has passed, then scans every undrained frame. A bad or short
 * frame with no valid frame after it in the newest segment is a torn tail (a crash mid-write): the file
 * is truncated there. Anything else invalid is corruption: logged, counted, and skipped to the next valid
 * frame (or the next segment); it never stops the start.
 */
export async function recover(dir: string, maxBodyBytes: number, sync: boolean, log: Log): Promise<Recovered> {
  await fs.mkdir(dir, { recursive: true });
  await fs.rm(path.join(dir, `${CHECKPOINT_FILE}.tmp`), { force: true });
  const seqs = await listSegmentSeqs(dir);
  const checkpoint = (await readCheckpoint(dir)) ?? { segment: seqs[0] ?? 0, offset: 0 };
  const result: Recovered = {
    segments: [],
    position: checkpoint,
    nextSeq: Math.max(checkpoint.segment, seqs.at(-1) ?? 0) + 1,
    records: 0,
    bytes: 0,
    oldestAppendedAt: undefined,
    corruptRegions: 0,
    tornBytes: 0,
  };
  for (const seq of seqs.filter((s) => s < checkpoint.segment)) await fs.rm(segmentPath(dir, seq), { force: true });
  const live = seqs.filter((s) => s >= checkpoint.segment);
  for (const seq of live) {
    const start = seq === checkpoint.segment ? checkpoint.offset : 0;
    result.segments.push(await scanSegment(dir, seq, start, seq === live.at(-1), maxBodyBytes, sync, result, log));
  }
  if (sync) await syncDir(dir);
  log.info(
    { dir, segments: live.length, records: result.records, bytes: result.bytes, position: result.position, corruptRegions: result.corruptRegions, tornBytes: result.tornBytes },
    'write-ahead buffer recovered',
  );
  return result;
}

async function scanSegment(dir: string, seq: number, start: number, newest: boolean, maxBodyBytes: number, sync: boolean, result: Recovered, log: Log): Promise<SegmentInfo> {
  const file = segmentPath(dir, seq);
  const buf = await fs.readFile(file);
  const info: SegmentInfo = { seq, size: buf.length, sealed: true, skips: new Map() };
  if (start > buf.length) {
    log.error({ file, checkpoint: start, size: buf.length }, 'write-ahead segment is shorter than its checkpoint: treated as drained');
    result.corruptRegions++;
    return info;
  }
  let offset = start;
  while (offset < buf.length) {
    const frame = readFrame(buf, offset, maxBodyBytes);
    if (frame.kind === 'ok') {
      result.records++;
      result.bytes += frame.size;
      result.oldestAppendedAt ??= frame.appendedAt;
      offset += frame.size;
      continue;
    }
    const next = findNextFrame(buf, offset, maxBodyBytes);
    if (next === undefined && newest) {
      result.tornBytes += buf.length - offset;
      log.warn({ file, offset, bytes: buf.length - offset }, 'write-ahead segment has a torn tail (crash during a write): truncated');
      await truncate(file, offset, sync);
      info.size = offset;
      return info;
    }
    const resume = next ?? buf.length;
    result.corruptRegions++;
    info.skips.set(offset, resume);
    log.error({ file, offset, skippedBytes: resume - offset }, 'write-ahead segment is corrupt: skipping to the next valid frame');
    offset = resume;
  }
  return info;
}

async function truncate(file: string, size: number, sync: boolean): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.truncate(size);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
}
