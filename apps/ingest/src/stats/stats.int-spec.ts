import { Module } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type Redis from 'ioredis';
import pino from 'pino';
import { CoreModule, createRedisClient, processIdentity } from '@app/common';
import { INGEST_STATS_KEY } from '@app/contracts';
import type { IngestInstanceStats } from '@app/contracts';
import { testServices, uniqueName } from '@app/testing';
import { ingestConfigSchema } from '../config';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { IngestStatsPublisher } from './stats-publisher';
import { IngestStatsReader } from './stats-reader';
import { StatsModule } from './stats.module';
import { IngestStatsRpc } from './stats.rpc';

jest.setTimeout(30_000);

const silent = pino({ level: 'silent' });

/** A clock the test moves by hand: the rate window and the ages see exactly these times. */
class Clock {
  constructor(public now = Date.now()) {}
  readonly read = (): number => this.now;
}

describe('live ingest statistics on the real Redis', () => {
  // Every test's keys under its own prefix: the machine's Redis may hold a running platform's real hash.
  let redis: Redis;
  const clients: Redis[] = [];
  const client = (prefix: string): Redis => {
    const c = createRedisClient(testServices.redisUrl, prefix);
    clients.push(c);
    return c;
  };
  let prefix: string;

  beforeEach(() => {
    prefix = `${uniqueName('itest-ingest-stats')}:`;
    redis = client(prefix);
  });
  afterEach(async () => {
    await redis.del(INGEST_STATS_KEY);
    for (const c of clients.splice(0)) c.disconnect();
  });

  const publisher = (instanceId: string, metrics: IngestMetrics, clock: Clock) =>
    new IngestStatsPublisher(client(prefix), () => metrics, { instanceId }, silent, clock.read);

  it('lists two instances with their rates and the sums, drops a stale one and prunes a dead one', async () => {
    const clock = new Clock();
    const [a, b] = [new IngestMetrics({ defaultMetrics: false }), new IngestMetrics({ defaultMetrics: false })];
    // What `wal.state()` answers carries status and reasons besides the gauges' fields.
    const walState = { status: 'degraded', reasons: ['sink failing: ClickHouse unreachable'], bufferedBytes: 900, bufferedRecords: 30, oldestRecordAgeMs: 2500, segments: 1 };
    b.trackWal(() => walState);
    const pa = publisher('ingest-a', a, clock);
    const pb = publisher('ingest-b', b, clock);
    // A dead instance's last words: 30 s old (not listed, kept) and 90 s old (pruned at the next publish).
    const entryAt = (instanceId: string, ageMs: number) => JSON.stringify({ instanceId, at: new Date(clock.now - ageMs).toISOString(), receivedPerSecond: 500, storedPerSecond: 500, deadLetteredPerSecond: 0 });
    await redis.hset(INGEST_STATS_KEY, 'ingest-stale', entryAt('ingest-stale', 30_000), 'ingest-dead', entryAt('ingest-dead', 90_000));

    await Promise.all([pa.publishOnce(), pb.publishOnce()]);
    for (let second = 1; second <= 5; second++) {
      clock.now += 1000;
      for (let i = 0; i < 20; i++) a.messageReceived('up');
      a.eventsStored(18);
      a.deadLettered('MALFORMED_JSON');
      for (let i = 0; i < 7; i++) b.messageReceived('up');
      b.eventsStored(7);
      await Promise.all([pa.publishOnce(), pb.publishOnce()]);
    }

    expect(Object.keys(await redis.hgetall(INGEST_STATS_KEY)).sort()).toEqual(['ingest-a', 'ingest-b', 'ingest-stale']);
    const ttl = await redis.pttl(INGEST_STATS_KEY);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    const stats = await new IngestStatsReader(redis, clock.read).read();
    expect(stats.instances.map((i) => i.instanceId)).toEqual(['ingest-a', 'ingest-b']);
    expect(stats).toMatchObject({ receivedPerSecond: 27, storedPerSecond: 25, deadLetteredPerSecond: 1 });
    const [ea, eb] = stats.instances;
    expect(ea).toEqual<IngestInstanceStats>({
      instanceId: 'ingest-a',
      at: new Date(clock.now).toISOString(),
      receivedPerSecond: 20,
      storedPerSecond: 18,
      deadLetteredPerSecond: 1,
      receivedTotal: 100,
      storedTotal: 90,
      deadLetteredTotal: 5,
      bufferStatus: 'healthy',
      bufferReasons: [],
      bufferedRecords: 0,
      oldestBufferedAgeMs: 0,
    });
    expect(eb).toMatchObject({ receivedPerSecond: 7, bufferStatus: 'degraded', bufferReasons: ['sink failing: ClickHouse unreachable'], bufferedRecords: 30, oldestBufferedAgeMs: 2500 });

    // b stops: its field goes at once; a stops publishing: 11 s later it is no longer listed.
    await pb.stop();
    expect(await redis.hexists(INGEST_STATS_KEY, 'ingest-b')).toBe(0);
    clock.now += 11_000;
    expect((await new IngestStatsReader(redis, clock.read).read()).instances).toEqual([]);
    await pa.stop();
  });

  it('keeps publishing on its timer after a failed publish, and stops cleanly', async () => {
    const clock = new Clock();
    const metrics = new IngestMetrics({ defaultMetrics: false });
    let calls = 0;
    const p = new IngestStatsPublisher(client(prefix), () => {
      calls += 1;
      if (calls === 1) throw new Error('the metrics are not ready');
      return metrics;
    }, { instanceId: 'ingest-timer', intervalMs: 100 }, silent, clock.read);
    p.start();
    await waitUntil(async () => (await redis.hexists(INGEST_STATS_KEY, 'ingest-timer')) === 1);
    await p.stop();
    expect(await redis.hexists(INGEST_STATS_KEY, 'ingest-timer')).toBe(0);
    const after = calls;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(after);
  });

  it('the ingest StatsModule publishes this instance from bootstrap, answers ingest.stats.get, and removes its entry at close', async () => {
    // The real key on the machine's Redis (no prefix): another running ingest may be listed too, so only ours is asserted.
    const config = ingestConfigSchema.parse({ LOG_LEVEL: 'silent', INSTANCE_ID: uniqueName('itest-ingest-stats-module'), REDIS_URL: testServices.redisUrl, CLICKHOUSE_URL: testServices.clickhouseUrl, MQTT_URL: testServices.mqttUrl, INGEST_METRICS_PORT: '0' });
    const identity = processIdentity('ingest', config);
    @Module({})
    class StatsTestModule {}
    const app: INestApplicationContext = await NestFactory.createApplicationContext(
      {
        module: StatsTestModule,
        imports: [
          CoreModule.forApp({ ...identity, config }),
          MetricsModule.register({ port: 0, host: '127.0.0.1', defaultMetrics: false }),
          StatsModule.register({ redisUrl: config.REDIS_URL, instanceId: identity.instance }),
        ],
      },
      { logger: false },
    );
    await app.init();
    const plain = client('');
    try {
      for (let i = 0; i < 40; i++) app.get(IngestMetrics).messageReceived('up');
      const mine = await waitUntil(async () => {
        const stats = await app.get(IngestStatsRpc).get();
        const entry = stats.instances.find((i) => i.instanceId === identity.instance);
        return entry && entry.receivedTotal === 40 ? entry : undefined;
      });
      expect(mine.receivedPerSecond).toBeGreaterThan(0);
      expect(mine.bufferStatus).toBe('healthy');
    } finally {
      await app.close();
    }
    expect(await plain.hexists(INGEST_STATS_KEY, identity.instance)).toBe(0);
  });
});

async function waitUntil<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
