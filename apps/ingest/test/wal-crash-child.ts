/**
 * Child process of wal-crash.spec.ts: opens the write-ahead buffer in argv[2] (sync: 'always'), appends
 * records "0".."N-1" (argv[3]) from 32 concurrent lanes and prints `ack <id>` once each is durable. Its sink
 * writes each batch as one line of ids to argv[4] (appendFileSync, which survives SIGKILL), waits argv[5] ms,
 * and prints `batch <n>`. It never exits by itself: the test kills it with SIGKILL.
 */
import { appendFileSync } from 'node:fs';
import { WriteAheadBuffer } from '../src/wal/write-ahead-buffer';

async function main(): Promise<void> {
  const [dir, count, deliveredFile, sinkDelay] = process.argv.slice(2);
  let batches = 0;
  const wal = await WriteAheadBuffer.open({
    dir,
    sync: 'always',
    segmentMaxBytes: 4096,
    batchMaxRecords: 50,
    batchMaxWaitMs: 2,
    sink: async (batch) => {
      appendFileSync(deliveredFile, `${batch.map((record) => record.payload.toString()).join(',')}\n`);
      await new Promise((resolve) => setTimeout(resolve, Number(sinkDelay)));
      process.stdout.write(`batch ${++batches}\n`);
    },
  });
  let next = 0;
  async function lane(): Promise<void> {
    while (next < Number(count)) {
      const id = next++;
      await wal.append(Buffer.from(String(id)));
      process.stdout.write(`ack ${id}\n`);
    }
  }
  await Promise.all(Array.from({ length: 32 }, lane));
  process.stdout.write('all acked\n');
  setInterval(() => undefined, 1000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
