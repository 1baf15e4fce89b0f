import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestSink, ids, segmentFiles, tempDir, waitFor } from '../../test/wal-helpers';
import { FRAME_OVERHEAD, encodeFrame } from './frame';
import { writeCheckpoint } from './segment-files';
import type { WalOptions } from './types';
import { WriteAheadBuffer } from './write-ahead-buffer';

describe('WriteAheadBuffer startup recovery', () => {
  let dir: string;
  let sink: TestSink;
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const open: WriteAheadBuffer[] = [];

  async function wal(options: Partial<WalOptions> = {}): Promise<WriteAheadBuffer> {
    const buffer = await WriteAheadBuffer.open({ dir, sink: sink.sink, logger: log, batchMaxWaitMs: 5, retryBaseMs: 5, ...options });
    open.push(buffer);
    return buffer;
  }

  /** Writes records while the sink fails, then closes: the segments stay undrained on disk, no checkpoint. */
  async function undrained(records: string[], options: Partial<WalOptions> = {}): Promise<string[]> {
    sink.fail(Number.MAX_SAFE_INTEGER);
    const buffer = await wal(options);
    await Promise.all(records.map((record) => buffer.append(Buffer.from(record))));
    await buffer.close();
    sink.fail(0);
    expect(sink.delivered).toEqual([]);
    return segmentFiles(dir).map((file) => path.join(dir, file));
  }

  beforeEach(() => {
    dir = tempDir();
    sink = new TestSink();
    jest.clearAllMocks();
  });

  afterEach(async () => {
    sink.release();
    for (const buffer of open.splice(0)) await buffer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays undrained segments at start, in order', async () => {
    expect((await undrained(ids(0, 40), { segmentMaxBytes: 200 })).length).toBeGreaterThan(1);
    const second = await wal({ segmentMaxBytes: 200 });
    await waitFor(() => second.state().bufferedRecords === 0, 'replay');
    expect(sink.delivered).toEqual(ids(0, 40));
  });

  it('truncates a torn tail of the newest segment (a crash during a write) and keeps every whole record', async () => {
    const [file] = await undrained(ids(0, 5));
    const whole = statSync(file).size;
    appendFileSync(file, encodeFrame(Buffer.from('torn record'), Date.now()).subarray(0, 13));
    const buffer = await wal();
    expect(statSync(file).size).toBe(whole);
    expect(buffer.state()).toMatchObject({ tornBytesTruncated: 13, corruptRegionsSkipped: 0, bufferedRecords: 5 });
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ offset: whole, bytes: 13 }), expect.stringContaining('torn tail'));
    await buffer.append(Buffer.from('after'));
    await waitFor(() => sink.delivered.length === 6, 'replay and the new record');
    expect(sink.delivered).toEqual([...ids(0, 5), 'after']);
  });

  it('skips a corrupt record in the middle of a segment to the next valid frame, counted and logged', async () => {
    const [file] = await undrained(ids(0, 5));
    const data = readFileSync(file);
    data[2 * (FRAME_OVERHEAD + 2) + FRAME_OVERHEAD] ^= 0xff; // a payload byte of r2
    writeFileSync(file, data);
    const buffer = await wal();
    expect(buffer.state()).toMatchObject({ corruptRegionsSkipped: 1, tornBytesTruncated: 0, bufferedRecords: 4 });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ offset: 2 * (FRAME_OVERHEAD + 2), skippedBytes: FRAME_OVERHEAD + 2 }), expect.stringContaining('corrupt'));
    await waitFor(() => buffer.state().bufferedRecords === 0, 'replay');
    expect(sink.delivered).toEqual(['r0', 'r1', 'r3', 'r4']);
    // The skip is not a crash loop: the next start is clean.
    await buffer.close();
    const again = await wal();
    expect(again.state().bufferedRecords).toBe(0);
  });

  it('skips the unreadable rest of an older segment to the next segment', async () => {
    const files = await undrained(ids(10, 40), { segmentMaxBytes: 10 * (FRAME_OVERHEAD + 3) });
    expect(files.length).toBeGreaterThanOrEqual(3);
    const data = readFileSync(files[0]);
    data.fill(0xee, 5 * (FRAME_OVERHEAD + 3));
    writeFileSync(files[0], data);
    const buffer = await wal();
    expect(buffer.state()).toMatchObject({ corruptRegionsSkipped: 1, tornBytesTruncated: 0, bufferedRecords: 25 });
    await waitFor(() => buffer.state().bufferedRecords === 0, 'replay');
    expect(sink.delivered).toEqual([...ids(10, 15), ...ids(20, 40)]);
  });

  it('resumes exactly at the checkpoint and drops segments before it', async () => {
    const files = await undrained(ids(10, 40), { segmentMaxBytes: 10 * (FRAME_OVERHEAD + 3) });
    const second = Number(path.basename(files[1], '.wal'));
    await writeCheckpoint(dir, { segment: second, offset: 4 * (FRAME_OVERHEAD + 3) }, true);
    const buffer = await wal();
    expect(segmentFiles(dir)).toHaveLength(files.length - 1);
    expect(buffer.state().bufferedRecords).toBe(16);
    await waitFor(() => buffer.state().bufferedRecords === 0, 'replay');
    expect(sink.delivered).toEqual(ids(24, 40));
  });

  it('starts from the next segment when the checkpoint names a deleted one, and ignores a stale checkpoint.tmp', async () => {
    await undrained(['a', 'b']);
    await writeCheckpoint(dir, { segment: 0, offset: 999 }, true);
    writeFileSync(path.join(dir, 'checkpoint.tmp'), '{"segme');
    const buffer = await wal();
    await waitFor(() => sink.delivered.length === 2, 'replay');
    expect(sink.delivered).toEqual(['a', 'b']);
    expect(segmentFiles(dir).every((file) => /^\d{20}\.wal$/.test(file))).toBe(true);
    expect(buffer.state().corruptRegionsSkipped).toBe(0);
  });
});
