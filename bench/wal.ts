/**
 * `npm run bench:wal`: the ingest write-ahead buffer on this machine's disk (apps/ingest/src/wal).
 * Appends BENCH_WAL_RECORDS (200,000) records of BENCH_WAL_BYTES (200, about a ChirpStack uplink's
 * fields) with BENCH_WAL_IN_FLIGHT (1,000) appends outstanding, as the ingest pipeline does while MQTT
 * messages arrive; the drain runs into a sink that only counts. Prints appended records/s with
 * `sync: 'always'` (each group fdatasync'ed before its appends resolve) and `sync: 'none'`, and the
 * time until the drain has confirmed everything. The directory is BENCH_WAL_DIR or a fresh temporary one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WriteAheadBuffer } from '../apps/ingest/src/wal/write-ahead-buffer';

const RECORDS = Number(process.env.BENCH_WAL_RECORDS ?? 200_000);
const BYTES = Number(process.env.BENCH_WAL_BYTES ?? 200);
const IN_FLIGHT = Number(process.env.BENCH_WAL_IN_FLIGHT ?? 1000);

async function run(sync: 'always' | 'none'): Promise<void> {
  const dir = mkdtempSync(path.join(process.env.BENCH_WAL_DIR ?? tmpdir(), 'wal-bench-'));
  let drained = 0;
  const wal = await WriteAheadBuffer.open({ dir, sync, batchMaxRecords: 5000, batchMaxWaitMs: 50, sink: async (batch) => void (drained += batch.length) });
  const payload = Buffer.alloc(BYTES, 'x');
  const started = performance.now();
  let next = 0;
  async function lane(): Promise<void> {
    while (next < RECORDS) {
      next++;
      await wal.append(payload);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const appendSeconds = (performance.now() - started) / 1000;
  while (drained < RECORDS) await new Promise((resolve) => setTimeout(resolve, 5));
  const drainSeconds = (performance.now() - started) / 1000;
  await wal.close();
  rmSync(dir, { recursive: true, force: true });
  const mb = (RECORDS * BYTES) / 1e6;
  console.log(
    `sync=${sync.padEnd(6)} ${RECORDS} records x ${BYTES} B, ${IN_FLIGHT} in flight: ${Math.round(RECORDS / appendSeconds).toLocaleString('en')} records/s appended ` +
      `(${(mb / appendSeconds).toFixed(1)} MB/s), all drained after ${drainSeconds.toFixed(2)} s`,
  );
}

async function main(): Promise<void> {
  await run('always');
  await run('none');
  await run('always');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
