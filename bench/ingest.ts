/**
 * `npm run bench:ingest`: the ingest pipeline end to end on this machine, against the broker's own speed measured
 * in the same run (docs/benchmarks.md "Ingest end to end"). Needs `npm run build` (it runs dist/ apps) and the
 * machine's PostgreSQL, ClickHouse (a fresh database, dropped afterwards) and Redis binary.
 *
 *  (a) bare broker: BENCH_INGEST_UPLINKS (100,000) simulated uplinks published at QoS 1 to a private Mosquitto
 *      started with the shipped chirpstack/mosquitto/conf.d/broker.conf, received by a subscriber that only counts
 *      (its own Node.js process, MQTT v5, QoS 1, on a shared subscription like ingest's): first publish -> last
 *      message received.
 *  (b) end to end: as many other uplinks of a registered fleet (BENCH_INGEST_METERS, 1,000 meters of the simulator's
 *      models), published the same way, taken by one ingest process (or BENCH_INGEST_INSTANCES; INGEST_WAL_SYNC as set, default always) with
 *      the system service resolving devices: first publish -> the last uplink and reading queryable in ClickHouse.
 *      Latency per uplink: ClickHouse is polled every BENCH_INGEST_POLL_MS (100) for the count of uplinks per
 *      100-second bucket of their event time (the simulator gives each uplink its own second, in publishing order);
 *      the k-th arrival of a bucket is paired with the k-th publish of that bucket.
 *  (c) below saturation: BENCH_INGEST_PACED_UPLINKS (20,000) more uplinks paced at BENCH_INGEST_PACED_RATE (2,000/s):
 *      the latency when the drain keeps up (in (b) the publishers outrun it and the latency is mostly queueing).
 * CPU: each phase's CPU seconds per process (from /proc), and the floor they set for (b): however well its processes
 * overlap, (b) cannot end sooner than its CPU seconds spread over the machine's cores (and, with ingest costing
 * nothing, than the publishers', the broker's and ClickHouse's). On 2 cores that shows how much of the bare rate
 * (b) could reach at the measured costs.
 * Publishing: BENCH_INGEST_CONNECTIONS (4) connections, BENCH_INGEST_WINDOW (500) unacknowledged publishes each.
 * BENCH_INGEST_INSTANCES (1, at most 4): ingest processes on the shared subscription in (b) and (c), splitting the load
 * (CPU is their sum; the insert and batch lines are the first one's).
 * BENCH_INGEST_CPU_PROF=<dir> runs ingest with --cpu-prof into that directory (written at its shutdown);
 * BENCH_INGEST_NODE_ARGS adds Node.js flags to ingest's command line; every INGEST_* variable set for the bench is
 * passed on to ingest (batch sizes, ...).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { sql } from '@app/clickhouse';
import { IngestStack, TestMosquitto, checkStored, combinePlans, exactOrWhy, planUplinks, publishUplinks, waitFor } from '@app/testing';
import type { PlannedUplink, UplinkPlan } from '@app/testing';

const UPLINKS = Number(process.env.BENCH_INGEST_UPLINKS ?? 100_000);
const METERS = Number(process.env.BENCH_INGEST_METERS ?? 1_000);
const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 4);
const WINDOW = Number(process.env.BENCH_INGEST_WINDOW ?? 500);
const POLL_MS = Number(process.env.BENCH_INGEST_POLL_MS ?? 100);
const WAL_SYNC = process.env.INGEST_WAL_SYNC ?? 'always';
const CPU_PROF = process.env.BENCH_INGEST_CPU_PROF;
/** Extra Node.js flags for the ingest process (for experiments, e.g. garbage collector sizes). */
const NODE_ARGS = (process.env.BENCH_INGEST_NODE_ARGS ?? '').split(' ').filter(Boolean);
const PACED_UPLINKS = Number(process.env.BENCH_INGEST_PACED_UPLINKS ?? 20_000);
const PACED_RATE = Number(process.env.BENCH_INGEST_PACED_RATE ?? 2_000);
/** Ingest instances on the shared subscription (the load split between them, as in a scaled deployment). */
const INSTANCES = Math.min(4, Math.max(1, Number(process.env.BENCH_INGEST_INSTANCES ?? 1)));
const IDS = ['a', 'b', 'c', 'd'].slice(0, INSTANCES);
const BUCKET_SECONDS = 100;
const CORES = availableParallelism();
const ROOT = resolve(__dirname, '..');
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

/** The machine's clickhouse-server (the store the stack writes to), for its CPU time; undefined when not found. */
function clickhousePid(): number | undefined {
  try {
    const pids = execFileSync('pgrep', ['-x', 'clickhouse-serv'], { encoding: 'utf8' }).trim().split('\n').map(Number);
    return pids.find((pid) => pid > 0);
  } catch {
    return undefined;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * The counting subscriber of (a), in its own process (as ingest is in (b)), so it does not share a thread with
 * the publishers: prints `ready <CPU s>` after its SUBACK and `done <Date.now() of the last message> <CPU s>` after
 * `count`.
 */
const BARE_SUBSCRIBER = `
const mqtt = require('mqtt');
const [url, count] = [process.argv[1], Number(process.argv[2])];
const client = mqtt.connect(url, { protocolVersion: 5, clientId: 'bench-bare-' + process.pid, clean: true });
let received = 0;
client.on('message', () => {
  if (++received === count) { console.log('done ' + Date.now() + ' ' + cpu()); client.end(true, () => process.exit(0)); }
});
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
client.on('connect', () => client.subscribe('$share/bench-bare/application/+/device/+/event/+', { qos: 1 }, () => console.log('ready ' + cpu())));
`;

interface Bare {
  rate: number;
  seconds: number;
  cpu: { bench: number; broker: number; subscriber: number };
}

/** (a): publish to a subscriber that only counts; messages/s from the first publish to the last delivery. */
async function bareBroker(broker: TestMosquitto, uplinks: PlannedUplink[]): Promise<Bare> {
  const child = spawn(process.execPath, ['-e', BARE_SUBSCRIBER, broker.url, String(uplinks.length)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    await waitFor('the bare subscriber to subscribe', async () => out.includes('ready'), 20_000, 5);
    const before = { bench: process.cpuUsage(), broker: cpuSeconds(broker.pid) };
    const published = await publishUplinks(broker.url, uplinks, { connections: CONNECTIONS, window: WINDOW });
    const done = await waitFor('the bare subscriber to receive every message', async () => /done (\d+) (\S+)/.exec(out) ?? undefined, 120_000, 5);
    const bench = process.cpuUsage(before.bench);
    const seconds = (Number(done[1]) - published.startedAt) / 1000;
    return {
      rate: uplinks.length / seconds,
      seconds,
      cpu: { bench: (bench.user + bench.system) / 1e6, broker: cpuSeconds(broker.pid) - before.broker, subscriber: Number(done[2]) - Number(/ready (\S+)/.exec(out)?.[1] ?? 0) },
    };
  } finally {
    child.kill('SIGKILL');
  }
}

interface Observation {
  at: number;
  buckets: Map<number, number>;
  readings: number;
}

interface EndToEnd {
  seconds: number;
  publishRate: number;
  p50: number;
  p99: number;
  latencies: number;
  cpu: { ingest: number; system: number; broker: number; bench: number; clickhouse: number };
}

/**
 * Publishes a plan (as fast as the broker takes it, or paced at `rate`) and polls ClickHouse until all its uplinks
 * and readings are there. Only the plan's own rows count: its fleet's devEuis share an 8-digit prefix.
 */
async function endToEnd(stack: IngestStack, broker: TestMosquitto, plan: UplinkPlan, rate?: number): Promise<EndToEnd> {
  const store = stack.clickhouse;
  const prefix = plan.uplinks[0].devEui.slice(0, 8);
  if (plan.uplinks.some((u) => !u.devEui.startsWith(prefix))) throw new Error('a plan\'s devEuis share no prefix');
  const base = Math.min(...plan.uplinks.map((u) => u.ts));
  const bucketOf = (u: PlannedUplink) => Math.floor((u.ts - base) / BUCKET_SECONDS);
  const readingCount = async (): Promise<number> =>
    Number((await store.query<{ n: string }>(sql`SELECT count() AS n FROM readings WHERE substring(device_address, 1, 8) = ${prefix}`))[0]?.n ?? 0);
  const observations: Observation[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const at = Date.now();
      const rows = await store.query<{ b: number; n: string }>(
        sql`SELECT intDiv(toUInt32(ts) - ${base}, ${BUCKET_SECONDS}) AS b, count() AS n FROM uplinks
            WHERE event = 'up' AND substring(dev_eui, 1, 8) = ${prefix} GROUP BY b`,
      );
      const stored = rows.reduce((sum, r) => sum + Number(r.n), 0);
      // The readings (about 8 per uplink) are counted only once every uplink is there: a poll costs ClickHouse CPU
      // that the measured pipeline would otherwise have.
      const readings = stored >= plan.uplinks.length ? await readingCount() : 0;
      observations.push({ at, buckets: new Map(rows.map((r) => [Number(r.b), Number(r.n)])), readings });
      if (stored >= plan.uplinks.length && readings >= plan.readingKeys.size) break;
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (Date.now() - at))));
    }
  })();

  const clickhouse = clickhousePid();
  const before = {
    ingest: IDS.reduce((sum, id) => sum + cpuSeconds(stack.pid(`ingest-${id}`)), 0),
    system: cpuSeconds(stack.pid('system')),
    broker: cpuSeconds(broker.pid),
    clickhouse: cpuSeconds(clickhouse),
    bench: process.cpuUsage(),
  };
  const published = await publishUplinks(broker.url, plan.uplinks, { connections: CONNECTIONS, window: WINDOW, rate });
  const publishRate = plan.uplinks.length / ((published.finishedAt - published.startedAt) / 1000);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([poller, new Promise((r) => (timer = setTimeout(r, 600_000)))]);
  clearTimeout(timer);
  polling = false;
  const done = observations[observations.length - 1];
  const benchCpu = process.cpuUsage(before.bench);
  const cpu = {
    ingest: IDS.reduce((sum, id) => sum + cpuSeconds(stack.pid(`ingest-${id}`)), 0) - before.ingest,
    system: cpuSeconds(stack.pid('system')) - before.system,
    broker: cpuSeconds(broker.pid) - before.broker,
    clickhouse: cpuSeconds(clickhouse) - before.clickhouse,
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
  return { seconds: (done.at - published.startedAt) / 1000, publishRate, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), latencies: sorted.length, cpu };
}

async function main(): Promise<void> {
  console.log(
    `bench:ingest: ${fmt(UPLINKS)} uplinks, ${fmt(METERS)} meters, ${CONNECTIONS} publisher connections x ${WINDOW} in flight, INGEST_WAL_SYNC=${WAL_SYNC}; ` +
      `paced: ${fmt(PACED_UPLINKS)} at ${fmt(PACED_RATE)}/s`,
  );
  const broker = await TestMosquitto.start();
  let stack: IngestStack | undefined;
  try {
    const bare = planUplinks({ meters: METERS, count: UPLINKS, seed: 101 });
    const plan = planUplinks({ meters: METERS, count: UPLINKS, seed: 102 });
    const paced = planUplinks({ meters: METERS, count: PACED_UPLINKS, seed: 103 });
    const bareRun = await bareBroker(broker, bare.uplinks);
    const bareRate = bareRun.rate;
    console.log(`(a) bare broker: ${fmt(bareRate)} messages/s`);

    // Every INGEST_* setting of the bench's environment reaches ingest (INGEST_BATCH_MAX_RECORDS, ...).
    const ingestEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('INGEST_') && e[1] !== undefined));
    stack = await IngestStack.start({ mqttUrl: broker.url, ingestEnv: { ...ingestEnv, INGEST_WAL_SYNC: WAL_SYNC }, logLevel: 'warn' });
    await stack.registerMeters([...plan.meters, ...paced.meters]);
    for (const id of IDS) {
      await stack.startIngest(id, {}, [...NODE_ARGS, ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [])]);
      await broker.waitForSubscription(stack.ingestClientId(id), '$share/');
    }
    const store = stack.clickhouse;

    const full = await endToEnd(stack, broker, plan);
    // Where the drain's time went, from ingest's own /metrics: ClickHouse insert seconds by table, batches.
    const metrics = (await stack.metrics('a')) ?? '';
    const series = (name: string) => [...metrics.matchAll(new RegExp(`^${name}(?:\\{table="([^"]+)"\\})? (\\S+)$`, 'gm'))].map((m) => [m[1] ?? '', Number(m[2])] as const);
    const inserts = series('headend_ingest_insert_duration_seconds_sum').map(([table, v]) => `${table} ${v.toFixed(1)}`).join(', ');
    const batches = series('headend_ingest_batch_size_count')[0]?.[1] ?? 0;
    const batchRecords = series('headend_ingest_batch_size_sum')[0]?.[1] ?? 0;
    const belowSaturation = PACED_UPLINKS > 0 ? await endToEnd(stack, broker, paced, PACED_RATE) : undefined;

    const both = combinePlans(plan, ...(belowSaturation ? [paced] : []));
    const check = await checkStored(store, both);
    const [rows] = await store.query<{ n: string }>(sql`SELECT count() AS n FROM readings FINAL`);
    const e2e = plan.uplinks.length / full.seconds;
    // However well (b) overlapped its processes, it cannot take less than its CPU seconds spread over every core.
    const floor = (full.cpu.ingest + full.cpu.system + full.cpu.broker + full.cpu.clickhouse + full.cpu.bench) / CORES;
    const others = (full.cpu.broker + full.cpu.clickhouse + full.cpu.bench) / CORES;
    const table: [string, string][] = [
      ['(a) bare broker, QoS 1 publish -> counting subscriber', `${fmt(bareRate)} messages/s`],
      ['(b) publish rate with ingest subscribed', `${fmt(full.publishRate)} messages/s`],
      ['(b) end to end: first publish -> all uplinks and readings queryable', `${fmt(e2e)} uplinks/s (${full.seconds.toFixed(1)} s)`],
      ['(b) latency publish -> queryable, p50 / p99', `${fmt(full.p50)} ms / ${fmt(full.p99)} ms (${fmt(full.latencies)} uplinks, poll ${POLL_MS} ms)`],
      ['end to end / bare broker', `${((e2e / bareRate) * 100).toFixed(0)} %`],
      ...(belowSaturation
        ? ([[`(c) paced at ${fmt(PACED_RATE)}/s: latency p50 / p99`, `${fmt(belowSaturation.p50)} ms / ${fmt(belowSaturation.p99)} ms (${fmt(belowSaturation.latencies)} uplinks; all queryable ${belowSaturation.seconds.toFixed(1)} s after the first publish)`]] as [string, string][])
        : []),
      ['stored with FINAL, (b) and (c)', `${fmt(check.uplinkRows)} uplinks, ${fmt(Number(rows?.n ?? 0))} readings: ${exactOrWhy(check)}`],
      [`ClickHouse insert seconds by table during (b) (ingest${INSTANCES > 1 ? ' a' : ''} /metrics)`, inserts || 'n/a'],
      [`drain batches during (b)${INSTANCES > 1 ? ' (ingest a)' : ''}`, batches ? `${fmt(batches)} batches, ${fmt(batchRecords / batches)} records each on average` : 'n/a'],
      ['CPU seconds during (b)', `ingest ${full.cpu.ingest.toFixed(1)}, system ${full.cpu.system.toFixed(1)}, mosquitto ${full.cpu.broker.toFixed(1)}, clickhouse-server ${full.cpu.clickhouse.toFixed(1)}, bench (publishers + polls) ${full.cpu.bench.toFixed(1)}`],
      ['CPU seconds during (a)', `publishers ${bareRun.cpu.bench.toFixed(1)}, mosquitto ${bareRun.cpu.broker.toFixed(1)}, subscriber ${bareRun.cpu.subscriber.toFixed(1)}`],
      [
        `CPU floor of (b) on ${CORES} cores`,
        `${floor.toFixed(1)} s (its CPU seconds / ${CORES}): at most ${fmt(UPLINKS / floor)} uplinks/s, ${((UPLINKS / floor / bareRate) * 100).toFixed(0)} % of bare`,
      ],
      [
        `the same floor with ingest costing nothing`,
        `${others.toFixed(1)} s (publishers, mosquitto, ClickHouse): at most ${fmt(UPLINKS / others)} uplinks/s, ${((UPLINKS / others / bareRate) * 100).toFixed(0)} % of bare`,
      ],
      ['targets', `>= 10,000 uplinks/s: ${e2e >= 10_000 ? 'met' : 'missed'}; >= 50 % of bare: ${e2e >= bareRate / 2 ? 'met' : 'missed'}`],
    ];
    const width = Math.max(...table.map(([k]) => k.length));
    console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
    for (const [k, v] of table) console.log(`| ${k.padEnd(width)} | ${v} |`);
  } finally {
    if (stack) {
      for (const id of IDS) await stack.killIngest(id, 'SIGTERM');
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
