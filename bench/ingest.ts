/**
 * `npm run bench:ingest`: the ingest pipeline end to end on this machine, against the broker's own speed measured
 * in the same run (docs/benchmarks.md "Ingest end to end"). Needs `npm run build` (it runs dist/ apps) and the
 * machine's PostgreSQL, ClickHouse (a fresh database, dropped afterwards) and Redis binary.
 *
 *  (a) bare broker: BENCH_INGEST_UPLINKS (100,000) simulated uplinks published at QoS 1 to a private Mosquitto
 *      started with the shipped chirpstack/mosquitto/conf.d/broker.conf, received by a subscriber that only counts
 *      (MQTT v5, QoS 1, on a shared subscription like ingest's): first publish -> last message received.
 *  (b) end to end: as many other uplinks of a registered fleet (BENCH_INGEST_METERS, 1,000 meters of the simulator's
 *      models), published the same way, taken by one ingest process (INGEST_WAL_SYNC as set, default always) with
 *      the system service resolving devices: first publish -> the last uplink and reading queryable in ClickHouse.
 *      Latency per uplink: ClickHouse is polled every BENCH_INGEST_POLL_MS (100) for the count of uplinks per
 *      100-second bucket of their event time (the simulator gives each uplink its own second, in publishing order);
 *      the k-th arrival of a bucket is paired with the k-th publish of that bucket.
 * Publishing: BENCH_INGEST_CONNECTIONS (4) connections, BENCH_INGEST_WINDOW (500) unacknowledged publishes each.
 * BENCH_INGEST_CPU_PROF=<dir> runs ingest with --cpu-prof into that directory (written at its shutdown).
 */
import { connect } from 'mqtt';
import { readFileSync } from 'node:fs';
import { sql } from '@app/clickhouse';
import { IngestStack, TestMosquitto, exactOrWhy, checkStored, planUplinks, publishUplinks, waitFor } from '@app/testing';
import type { PlannedUplink } from '@app/testing';

const UPLINKS = Number(process.env.BENCH_INGEST_UPLINKS ?? 100_000);
const METERS = Number(process.env.BENCH_INGEST_METERS ?? 1_000);
const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 4);
const WINDOW = Number(process.env.BENCH_INGEST_WINDOW ?? 500);
const POLL_MS = Number(process.env.BENCH_INGEST_POLL_MS ?? 100);
const WAL_SYNC = process.env.INGEST_WAL_SYNC ?? 'always';
const CPU_PROF = process.env.BENCH_INGEST_CPU_PROF;
const BUCKET_SECONDS = 100;
const TICKS = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

const fmt = (n: number): string => Math.round(n).toLocaleString('en');

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** (a): publish to a subscriber that only counts; messages/s from the first publish to the last delivery. */
async function bareBroker(broker: TestMosquitto, uplinks: PlannedUplink[]): Promise<number> {
  const subscriber = connect(broker.url, { protocolVersion: 5, clientId: `bench-bare-${process.pid}`, clean: true });
  let received = 0;
  let last = 0;
  subscriber.on('message', () => {
    received++;
    last = Date.now();
  });
  await new Promise((resolve) => subscriber.once('connect', resolve));
  await subscriber.subscribeAsync('$share/bench-bare/application/+/device/+/event/+', { qos: 1 });
  const published = await publishUplinks(broker.url, uplinks, { connections: CONNECTIONS, window: WINDOW });
  await waitFor('the bare subscriber to receive every message', async () => received >= uplinks.length, 120_000, 5);
  await subscriber.endAsync();
  return uplinks.length / ((last - published.startedAt) / 1000);
}

interface Observation {
  at: number;
  buckets: Map<number, number>;
  readings: number;
}

async function main(): Promise<void> {
  console.log(`bench:ingest: ${fmt(UPLINKS)} uplinks, ${fmt(METERS)} meters, ${CONNECTIONS} publisher connections x ${WINDOW} in flight, INGEST_WAL_SYNC=${WAL_SYNC}`);
  const broker = await TestMosquitto.start();
  let stack: IngestStack | undefined;
  try {
    const bare = planUplinks({ meters: METERS, count: UPLINKS, seed: 101 });
    const plan = planUplinks({ meters: METERS, count: UPLINKS, seed: 102 });
    const bareRate = await bareBroker(broker, bare.uplinks);
    console.log(`(a) bare broker: ${fmt(bareRate)} messages/s`);

    stack = await IngestStack.start({ mqttUrl: broker.url, ingestEnv: { INGEST_WAL_SYNC: WAL_SYNC }, logLevel: 'warn' });
    await stack.registerMeters(plan.meters);
    await stack.startIngest('a', {}, CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []);
    await broker.waitForSubscription(stack.ingestClientId('a'), '$share/');
    const store = stack.clickhouse;

    const base = Math.min(...plan.uplinks.map((u) => u.ts));
    const bucketOf = (u: PlannedUplink) => Math.floor((u.ts - base) / BUCKET_SECONDS);
    const observations: Observation[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const at = Date.now();
        const rows = await store.query<{ b: number; n: string }>(
          sql`SELECT intDiv(toUInt32(ts) - ${base}, ${BUCKET_SECONDS}) AS b, count() AS n FROM uplinks WHERE event = 'up' GROUP BY b`,
        );
        const [readings] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM readings`);
        observations.push({ at, buckets: new Map(rows.map((r) => [Number(r.b), Number(r.n)])), readings: Number(readings?.n ?? 0) });
        const stored = rows.reduce((s, r) => s + Number(r.n), 0);
        if (stored >= plan.uplinks.length && Number(readings?.n ?? 0) >= plan.readingKeys.size) break;
        await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (Date.now() - at))));
      }
    })();

    const cpu = { ingest: cpuSeconds(stack.pid('ingest-a')), system: cpuSeconds(stack.pid('system')), broker: cpuSeconds(broker.pid), bench: process.cpuUsage() };
    const published = await publishUplinks(broker.url, plan.uplinks, { connections: CONNECTIONS, window: WINDOW });
    const publishRate = plan.uplinks.length / ((published.finishedAt - published.startedAt) / 1000);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([poller, new Promise((r) => (timer = setTimeout(r, 600_000)))]);
    clearTimeout(timer);
    polling = false;
    const done = observations[observations.length - 1];
    const endToEndSeconds = (done.at - published.startedAt) / 1000;
    const benchCpu = process.cpuUsage(cpu.bench);
    const used = {
      ingest: cpuSeconds(stack.pid('ingest-a')) - cpu.ingest,
      system: cpuSeconds(stack.pid('system')) - cpu.system,
      broker: cpuSeconds(broker.pid) - cpu.broker,
      bench: (benchCpu.user + benchCpu.system) / 1e6,
    };

    // Latency: per bucket, the k-th arrival against the k-th publish.
    const sentByBucket = new Map<number, number[]>();
    plan.uplinks.forEach((u, i) => {
      const list = sentByBucket.get(bucketOf(u)) ?? [];
      list.push(published.sentAt[i]);
      sentByBucket.set(bucketOf(u), list);
    });
    const latencies: number[] = [];
    for (const [bucket, sent] of sentByBucket) {
      sent.sort((x, y) => x - y);
      let seen = 0;
      for (const o of observations) {
        const now = Math.min(sent.length, o.buckets.get(bucket) ?? 0);
        for (let k = seen; k < now; k++) latencies.push(Math.max(0, o.at - sent[k]));
        seen = Math.max(seen, now);
      }
    }
    const sorted = Float64Array.from(latencies).sort();

    // Where the drain's time went, from ingest's own /metrics: ClickHouse insert seconds by table, batches.
    const metrics = (await stack.metrics('a')) ?? '';
    const series = (name: string) => [...metrics.matchAll(new RegExp(`^${name}(?:\\{table="([^"]+)"\\})? (\\S+)$`, 'gm'))].map((m) => [m[1] ?? '', Number(m[2])] as const);
    const inserts = series('headend_ingest_insert_duration_seconds_sum').map(([table, v]) => `${table} ${v.toFixed(1)}`).join(', ');
    const batches = series('headend_ingest_batch_size_count')[0]?.[1] ?? 0;
    const batchRecords = series('headend_ingest_batch_size_sum')[0]?.[1] ?? 0;

    const check = await checkStored(store, plan);
    const [rows] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM readings FINAL`);
    const e2e = plan.uplinks.length / endToEndSeconds;
    const table: [string, string][] = [
      ['(a) bare broker, QoS 1 publish -> counting subscriber', `${fmt(bareRate)} messages/s`],
      ['(b) publish rate with ingest subscribed', `${fmt(publishRate)} messages/s`],
      ['(b) end to end: first publish -> all uplinks and readings queryable', `${fmt(e2e)} uplinks/s (${endToEndSeconds.toFixed(1)} s)`],
      ['(b) latency publish -> queryable, p50 / p99', `${fmt(percentile(sorted, 0.5))} ms / ${fmt(percentile(sorted, 0.99))} ms (${fmt(sorted.length)} uplinks, poll ${POLL_MS} ms)`],
      ['end to end / bare broker', `${((e2e / bareRate) * 100).toFixed(0)} %`],
      ['stored with FINAL', `${fmt(check.uplinkRows)} uplinks, ${fmt(Number(rows?.n ?? 0))} readings: ${exactOrWhy(check)}`],
      ['ClickHouse insert seconds by table (ingest /metrics)', inserts || 'n/a'],
      ['drain batches', batches ? `${fmt(batches)} batches, ${fmt(batchRecords / batches)} records each on average` : 'n/a'],
      ['CPU seconds during (b)', `ingest ${used.ingest.toFixed(1)}, system ${used.system.toFixed(1)}, mosquitto ${used.broker.toFixed(1)}, bench (publishers + polls) ${used.bench.toFixed(1)}`],
      ['targets', `>= 10,000 uplinks/s: ${e2e >= 10_000 ? 'met' : 'missed'}; >= 50 % of bare: ${e2e >= bareRate / 2 ? 'met' : 'missed'}`],
    ];
    const width = Math.max(...table.map(([k]) => k.length));
    console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
    for (const [k, v] of table) console.log(`| ${k.padEnd(width)} | ${v} |`);
  } finally {
    if (stack) {
      await stack.killIngest('a', 'SIGTERM');
      await stack.stop();
    }
    await broker.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
