/**
 * `npm run bench:ingest-drain`: the drain's CPU per uplink on one thread, without broker, disk or ClickHouse: the
 * simulator's uplinks (BENCH_DRAIN_UPLINKS, 40,000, of 1,000 meters) in batches of BENCH_DRAIN_BATCH (5,000), the
 * devices known (an in-memory directory), through the stages of `IngestPipeline.prepareBatch`:
 *  - parse: `parseEvent` of every message (topic, JSON, field checks, base64);
 *  - rows: `BatchProcessor.processMessages` collecting row objects (parse, resolve, decode, rows);
 *  - encoded: the same into `TsvTables`, as the drain does (rows written into TabSeparated bytes as they are made,
 *    the bodies' buffers reused from batch to batch).
 * Each stage: median of 5 rounds over all batches, after a warm-up round; microseconds per uplink.
 * BENCH_DRAIN_STAGE=<first word> runs one stage only (for a profile).
 */
import { randomUUID } from 'node:crypto';
import type { DeviceResolution } from '@app/contracts';
import { planUplinks } from '@app/testing';
import { deviceKey } from '../apps/ingest/src/devices/device-keys';
import { DEFAULT_PARSE_LIMITS } from '../apps/ingest/src/events/dead-letter';
import { parseEvent } from '../apps/ingest/src/events/parse-event';
import { BatchProcessor, emptyResult } from '../apps/ingest/src/pipeline/batch-processor';
import type { IncomingMessage } from '../apps/ingest/src/pipeline/batch-processor';
import { TsvBufferPool, TsvTables } from '../apps/ingest/src/pipeline/tsv-lines';

const UPLINKS = Number(process.env.BENCH_DRAIN_UPLINKS ?? 40_000);
const BATCH = Number(process.env.BENCH_DRAIN_BATCH ?? 5_000);
const tenantId = randomUUID();

const plan = planUplinks({ meters: 1_000, count: UPLINKS, seed: 102 });
const devices = new Map<string, DeviceResolution>(
  plan.meters.map((m) => [deviceKey({ devEui: m.devEui.toLowerCase() }), { state: 'known', meterId: randomUUID(), tenantId, codecId: m.codecId, utility: m.utility, multiplier: '1', status: 'installed' }]),
);
const processor = new BatchProcessor(async (identities) => new Map(identities.map((i) => [deviceKey(i), devices.get(deviceKey(i)) ?? { state: 'unknown' as const }])), DEFAULT_PARSE_LIMITS);
const receivedAt = Date.now();
/** BENCH_DRAIN_POOL=0: a new buffer per body, as before the pool (for an A/B). */
const pool = process.env.BENCH_DRAIN_POOL === '0' ? undefined : new TsvBufferPool();
const batches: IncomingMessage[][] = [];
for (let i = 0; i < plan.uplinks.length; i += BATCH) {
  batches.push(plan.uplinks.slice(i, i + BATCH).map((u) => ({ topic: u.topic, payload: Buffer.from(u.payload), receivedAt })));
}

async function round(stage: (batch: IncomingMessage[]) => Promise<number>): Promise<number> {
  const start = process.hrtime.bigint();
  let check = 0;
  for (const batch of batches) check += await stage(batch);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / plan.uplinks.length;
  if (check === 0) throw new Error('the stage produced nothing');
  return micros;
}

const stages: [string, (batch: IncomingMessage[]) => Promise<number>][] = [
  ['parse (parseEvent)', async (batch) => batch.filter((m) => parseEvent(m.topic, m.payload, DEFAULT_PARSE_LIMITS).ok).length],
  ['rows (parse, resolve, decode, row objects)', async (batch) => (await processor.processMessages(batch, 1)).rows.readings.length],
  [
    'encoded (as the drain: rows into TabSeparated bytes)',
    async (batch) => {
      const result = await processor.processMessages(batch, 1, emptyResult(new TsvTables(pool)));
      const bytes = (result.rows.uplinks.body()?.length ?? 0) + (result.rows.readings.body()?.length ?? 0);
      result.rows.release(); // as the drain does once the inserts are confirmed
      return bytes;
    },
  ],
];

async function main(): Promise<void> {
  console.log(`bench:ingest-drain: ${plan.uplinks.length.toLocaleString('en')} uplinks in batches of ${BATCH.toLocaleString('en')}, node ${process.version}, one thread`);
  const rows: Record<string, string>[] = [];
  const only = process.env.BENCH_DRAIN_STAGE; // one stage by its first word (parse, rows, encoded)
  for (const [label, stage] of stages.filter(([l]) => !only || l.startsWith(only))) {
    await round(stage); // warm-up
    const rounds: number[] = [];
    for (let i = 0; i < 5; i++) rounds.push(await round(stage));
    rounds.sort((a, b) => a - b);
    rows.push({ stage: label, 'us per uplink (median of 5)': rounds[2].toFixed(1), 'uplinks/s': Math.round(1e6 / rounds[2]).toLocaleString('en') });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
