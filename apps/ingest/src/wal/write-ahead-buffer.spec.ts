import { promises as fs, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { TestSink, ids, segmentFiles, tempDir, waitFor } from '../../test/wal-helpers';
import { FRAME_OVERHEAD, readFrame } from './frame';
import type { WalOptions, WalRecord } from './types';
import { WriteAheadBuffer } from './write-ahead-buffer';

describe('WriteAheadBuffer', () => {
  let dir: string;
  let sink: TestSink;
  const open: WriteAheadBuffer[] = [];

  async function wal(options: Partial<WalOptions> = {}): Promise<WriteAheadBuffer> {
    const buffer = await WriteAheadBuffer.open({ dir, sink: sink.sink, batchMaxWaitMs: 5, retryBaseMs: 5, ...options });
    open.push(buffer);
    return buffer;
  }

  function appendAll(buffer: WriteAheadBuffer, records: string[]): Promise<void[]> {
    return Promise.all(records.map((record) => buffer.append(Buffer.from(record))));
  }

  beforeEach(() => {
    dir = tempDir();
    sink = new TestSink();
  });

  afterEach(async () => {
    sink.release();
    for (const buffer of open.splice(0)) await buffer.close();
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each record as a frame in a 20-digit segment file before the append resolves', async () => {
    sink.hold();
    const buffer = await wal();
    await buffer.append(Buffer.from('one'));
    await buffer.append(Buffer.from('two'));
    const files = segmentFiles(dir);
    expect(files).toEqual(['00000000000000000001.wal']);
    const data = readFileSync(path.join(dir, files[0]));
    const first = readFrame(data, 0, 1024);
    expect(first.kind === 'ok' && first.payload.toString()).toBe('one');
    const second = readFrame(data, FRAME_OVERHEAD + 3, 1024);
    expect(second.kind === 'ok' && second.payload.toString()).toBe('two');
    expect(data.length).toBe(2 * FRAME_OVERHEAD + 6);
  });

  it('takes a record in parts and stores and drains it as the parts joined, the size limit applying to the whole', async () => {
    const buffer = await wal({ maxRecordBytes: 10 });
    await buffer.append([Buffer.from('ab'), Buffer.alloc(0), Buffer.from('cde')]);
    await buffer.append(Buffer.from('f'));
    await expect(buffer.append([Buffer.from('123456'), Buffer.from('78901')])).rejects.toThrow(/11 bytes/);
    await waitFor(() => sink.delivered.length >= 2, 'both records drained');
    expect(sink.delivered).toEqual(['abcde', 'f']);
  });

  it('keeps every byte of a group larger than its staging memory, across segment boundaries', async () => {
    // 4 MiB staging chunks: these 6.4 MB take two, and their frames three segments.
    const buffer = await wal({ segmentMaxBytes: 3_500_000, maxRecordBytes: 2_000_000 });
    const records = ['a', 'b', 'c', 'd'].map((c, i) => c.repeat(1_600_000 + i));
    await Promise.all(records.map((r) => buffer.append(Buffer.from(r))));
    await waitFor(() => sink.delivered.length >= 4, 'all drained');
    expect(sink.delivered).toEqual(records);
  });

  it('group commit: appends arriving during a write share one fdatasync', async () => {
    sink.hold();
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const datasync = jest.spyOn(handleProto, 'datasync');
    const buffer = await wal({ sync: 'always' });
    await appendAll(buffer, ids(0, 1000));
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(buffer.state().bufferedRecords).toBe(1000);
  });

  it('rotates by size and by age', async () => {
    sink.hold();
    const buffer = await wal({ segmentMaxBytes: 10 * (FRAME_OVERHEAD + 4), segmentMaxAgeMs: 50 });
    await appendAll(buffer, ids(1000, 1035));
    expect(segmentFiles(dir)).toHaveLength(4);
    for (const file of segmentFiles(dir)) expect(readFileSync(path.join(dir, file)).length).toBeLessThanOrEqual(10 * (FRAME_OVERHEAD + 4));
    expect(buffer.state().segments).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await buffer.append(Buffer.from('late'));
    expect(segmentFiles(dir)).toHaveLength(5);
  });

  it('drains in append order, in bounded batches, and deletes drained segments after the checkpoint', async () => {
    const buffer = await wal({ segmentMaxBytes: 2048, batchMaxRecords: 64 });
    const records = ids(0, 1000);
    await appendAll(buffer, records);
    await waitFor(() => sink.delivered.length >= 1000, 'all records drained');
    expect(sink.delivered).toEqual(records);
    for (const batch of sink.batches) expect(batch.length).toBeLessThanOrEqual(64);
    await waitFor(() => buffer.state().bufferedRecords === 0, 'confirmations');
    expect(buffer.state()).toMatchObject({ status: 'healthy', bufferedBytes: 0, oldestRecordAgeMs: 0 });
    expect(segmentFiles(dir).length).toBeLessThanOrEqual(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'checkpoint'), 'utf8'))).toEqual(expect.objectContaining({ segment: expect.any(Number), offset: expect.any(Number) }));
  });

  it('closes a batch by bytes', async () => {
    sink.hold();
    const buffer = await wal({ batchMaxBytes: 100, batchMaxRecords: 1000 });
    await appendAll(buffer, Array.from({ length: 20 }, (_, i) => `${i}`.padStart(30, '.')));
    sink.release();
    await waitFor(() => sink.delivered.length === 20, 'all records drained');
    for (const batch of sink.batches.slice(1)) expect(batch.length).toBeLessThanOrEqual(4);
  });

  it('after a confirmed checkpoint, a restart replays nothing already confirmed', async () => {
    const first = await wal({ segmentMaxBytes: 1024 });
    await appendAll(first, ids(0, 200));
    await waitFor(() => first.state().bufferedRecords === 0, 'first drain');
    await first.close();
    const confirmed = sink.delivered.length;
    expect(confirmed).toBe(200);
    const second = await wal({ segmentMaxBytes: 1024 });
    await appendAll(second, ids(200, 250));
    await waitFor(() => second.state().bufferedRecords === 0, 'second drain');
    expect(sink.delivered.slice(confirmed)).toEqual(ids(200, 250));
  });

  it('backpressure: at capacity appends wait, the state says so, and nothing is dropped', async () => {
    sink.hold();
    const frame = FRAME_OVERHEAD + 4;
    const buffer = await wal({ capacityBytes: 10 * frame, batchMaxRecords: 5 });
    let acked = 0;
    const appends = ids(100, 130).map((record) => buffer.append(Buffer.from(record)).then(() => acked++));
    await waitFor(() => acked === 10, 'the appends that fit');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acked).toBe(10);
    expect(buffer.state().waitingAppends).toBe(20);
    expect(buffer.state()).toMatchObject({ status: 'degraded', bufferedRecords: 10, bufferedBytes: 10 * frame });
    expect(buffer.state().reasons).toContain('buffer full');
    sink.release();
    await Promise.all(appends);
    await waitFor(() => sink.delivered.length === 30, 'everything drained');
    expect(sink.delivered).toEqual(ids(100, 130));
    await waitFor(() => buffer.state().status === 'healthy', 'healthy again');
  });

  it('sink failure: retries with backoff, reports degraded with the reason, recovers by itself, never drops', async () => {
    sink.fail(Number.MAX_SAFE_INTEGER);
    const buffer = await wal({ retryBaseMs: 2, retryMaxMs: 20 });
    await appendAll(buffer, ids(0, 50));
    await waitFor(() => buffer.state().sinkFailures >= 4, 'failures');
    const degraded = buffer.state();
    expect(degraded.status).toBe('degraded');
    expect(degraded.reasons[0]).toMatch(/^sink failing: ClickHouse is down/);
    expect(degraded.bufferedRecords).toBe(50);
    expect(sink.delivered).toEqual([]);
    sink.fail(0);
    await waitFor(() => sink.delivered.length === 50, 'delivery after the outage');
    expect(sink.delivered).toEqual(ids(0, 50));
    expect(sink.calls).toBeGreaterThanOrEqual(5);
    await waitFor(() => buffer.state().bufferedRecords === 0, 'confirmation');
    expect(buffer.state()).toMatchObject({ status: 'healthy', reasons: [], sinkFailures: 0 });
  });

  it('reports buffered records, bytes and the age of the oldest while the sink holds', async () => {
    sink.hold();
    const buffer = await wal();
    await appendAll(buffer, ids(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const state = buffer.state();
    expect(state).toMatchObject({ bufferedRecords: 3, bufferedBytes: 3 * (FRAME_OVERHEAD + 2), segments: 1 });
    expect(state.oldestRecordAgeMs).toBeGreaterThan(0);
  });

  it('prepares the next full batch while the sink stores the current one, and hands each batch its own preparation', async () => {
    const prepared: string[][] = [];
    const received: Array<{ ids: string[]; prepared: unknown }> = [];
    let failOnce = true;
    let holding: (() => void) | undefined;
    const buffer = await wal({
      batchMaxRecords: 10,
      // Full batches only: the first must not close on time with fewer records while the rest is being synced.
      batchMaxWaitMs: 5_000,
      prepare: async (batch) => {
        const names = batch.map((r) => r.payload.toString());
        prepared.push(names);
        return `prepared:${names[0]}..${names[names.length - 1]}`;
      },
      sink: async (batch, preparation) => {
        const names = batch.map((r) => r.payload.toString());
        // The first batch waits until the second is prepared: the two stages overlapped.
        if (names[0] === 'r0') await new Promise<void>((resolve) => (holding = resolve));
        if (names[0] === 'r10' && failOnce) {
          failOnce = false;
          throw new Error('ClickHouse refused');
        }
        received.push({ ids: names, prepared: preparation });
      },
    });
    await appendAll(buffer, ids(0, 30));
    await waitFor(() => holding !== undefined, 'the first batch in the sink');
    await waitFor(() => prepared.length >= 1, 'the next batch prepared while the first is stored');
    expect(prepared[0]).toEqual(ids(10, 20));
    holding?.();
    await waitFor(() => received.length === 3, 'every batch stored');
    expect(received.map((r) => r.ids)).toEqual([ids(0, 10), ids(10, 20), ids(20, 30)]);
    // r0..r9 came the normal way (nothing was ahead); r10.. was prepared ahead but its first attempt failed, so the
    // retry got no preparation; r20.. was prepared ahead while r10.. was stored.
    expect(received.map((r) => r.prepared)).toEqual([undefined, undefined, 'prepared:r20..r29']);
    // The checkpoint moves after the sink resolved: every record is confirmed soon after the last batch is stored.
    await waitFor(() => buffer.state().bufferedRecords === 0, 'every batch confirmed');
    expect(buffer.state().bufferedRecords).toBe(0);
  });

  it('hands the sink each record with its position and append time', async () => {
    const received: WalRecord[] = [];
    const before = Date.now();
    const buffer = await WriteAheadBuffer.open({ dir, batchMaxWaitMs: 1, sink: async (batch) => void received.push(...batch) });
    open.push(buffer);
    await appendAll(buffer, ['{"deduplicationId":"a"}', '{"deduplicationId":"b"}']);
    await waitFor(() => received.length === 2, 'delivery');
    expect(received.map((record) => record.payload.toString())).toEqual(['{"deduplicationId":"a"}', '{"deduplicationId":"b"}']);
    expect(received[0]).toMatchObject({ segment: 1, offset: 0 });
    expect(received[1]).toMatchObject({ segment: 1, offset: FRAME_OVERHEAD + 23 });
    expect(received[0].appendedAt).toBeGreaterThanOrEqual(before);
  });

  it('a failed fdatasync fails the append and every later one, and the state says why', async () => {
    sink.hold();
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    jest.spyOn(handleProto, 'datasync').mockRejectedValue(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    const buffer = await wal({ sync: 'always' });
    await expect(buffer.append(Buffer.from('lost?'))).rejects.toThrow('EIO');
    await expect(buffer.append(Buffer.from('next'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(buffer.state()).toMatchObject({ status: 'degraded', reasons: ['write failed: EIO: i/o error, fdatasync'] });
  });

  it('refuses a record over the size limit and appends after close', async () => {
    const buffer = await wal({ maxRecordBytes: 10 });
    await expect(buffer.append(Buffer.alloc(11))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await buffer.close();
    await expect(buffer.append(Buffer.from('x'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
