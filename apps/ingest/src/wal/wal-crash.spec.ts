import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { TestSink, tempDir, waitFor } from '../../test/wal-helpers';
import { WriteAheadBuffer } from './write-ahead-buffer';

/**
 * Crash safety with a real process and SIGKILL: a child (apps/ingest/test/wal-crash-child.ts, run by
 * ts-node) appends records and prints each acknowledged id; its sink logs every batch it confirms. After
 * the kill, a restart in this process replays the directory. Every acknowledged record must reach a sink
 * at least once, and nothing confirmed before the last checkpoint may arrive again: only the batch that was
 * in flight at the kill (the child's last logged batch) may be delivered twice.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(ROOT, 'apps/ingest/test/wal-crash-child.ts');

interface ChildRun {
  child: ChildProcess;
  acked: Set<string>;
  batches: number;
  allAcked: boolean;
  exited: Promise<void>;
  stderr: string[];
}

function startChild(dir: string, count: number, deliveredFile: string, sinkDelayMs: number): ChildRun {
  const tsNode = require.resolve('ts-node/dist/bin.js');
  const child = spawn(process.execPath, [tsNode, '--swc', '--project', 'tsconfig.json', '-r', 'tsconfig-paths/register', CHILD, dir, String(count), deliveredFile, String(sinkDelayMs)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { child, acked: new Set(), batches: 0, allAcked: false, exited: new Promise((resolve) => child.once('exit', () => resolve())), stderr: [] };
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) run.acked.add(line.slice(4));
      else if (line.startsWith('batch ')) run.batches++;
      else if (line === 'all acked') run.allAcked = true;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => run.stderr.push(chunk.toString()));
  return run;
}

async function killWhen(run: ChildRun, condition: () => boolean, what: string): Promise<void> {
  try {
    await waitFor(() => condition() || run.child.exitCode !== null, what, 15_000);
  } finally {
    run.child.kill('SIGKILL');
    await run.exited;
  }
  if (run.child.signalCode !== 'SIGKILL') throw new Error(`child exited by itself (${run.child.exitCode}): ${run.stderr.join('')}`);
}

/** The batches the child's sink confirmed or was confirming, one line each. */
function childBatches(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}

async function replay(dir: string): Promise<string[]> {
  const sink = new TestSink();
  const wal = await WriteAheadBuffer.open({ dir, sink: sink.sink, batchMaxWaitMs: 2 });
  try {
    await waitFor(() => wal.state().bufferedRecords === 0, 'the replay', 10_000);
  } finally {
    await wal.close();
  }
  return sink.delivered;
}

function expectAtLeastOnceWithoutReplayingConfirmed(acked: Set<string>, before: string[][], replayed: string[]): void {
  const deliveredBefore = new Set(before.flat());
  const replayedSet = new Set(replayed);
  const lost = [...acked].filter((id) => !deliveredBefore.has(id) && !replayedSet.has(id));
  expect(lost).toEqual([]);
  expect(replayedSet.size).toBe(replayed.length);
  const inFlight = new Set(before.at(-1) ?? []);
  const twice = replayed.filter((id) => deliveredBefore.has(id));
  expect(twice.filter((id) => !inFlight.has(id))).toEqual([]);
}

describe('WriteAheadBuffer crash safety (SIGKILL)', () => {
  let dir: string;
  let work: string;

  beforeEach(() => {
    work = tempDir('wal-crash-');
    dir = path.join(work, 'wal');
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('killed mid-stream: every acknowledged record is replayed or was delivered', async () => {
    const deliveredFile = path.join(work, 'delivered.log');
    const run = startChild(dir, 1_000_000, deliveredFile, 1);
    await killWhen(run, () => run.acked.size >= 3000, '3000 acknowledged appends');
    expect(run.allAcked).toBe(false);
    const before = childBatches(deliveredFile);
    const replayed = await replay(dir);
    expect(run.acked.size).toBeGreaterThanOrEqual(3000);
    expectAtLeastOnceWithoutReplayingConfirmed(run.acked, before, replayed);
  }, 20_000);

  it('killed mid-drain: the restart resumes after the last checkpoint, only the in-flight batch twice', async () => {
    const deliveredFile = path.join(work, 'delivered.log');
    const run = startChild(dir, 2000, deliveredFile, 25);
    await killWhen(run, () => run.allAcked && run.batches >= 5, 'all appends acknowledged and 5 batches drained');
    const before = childBatches(deliveredFile);
    const replayed = await replay(dir);
    expect(run.acked.size).toBe(2000);
    expect(replayed.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expectAtLeastOnceWithoutReplayingConfirmed(run.acked, before, replayed);
    // A second restart has nothing left: the replay's own checkpoint holds.
    expect(await replay(dir)).toEqual([]);
  }, 20_000);
});
