import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, processIdentity } from '@app/common';
import { freePort, testServices, uniqueName } from '@app/testing';
import { parseExposition, sampleValue } from '../../test/prometheus-text';
import { ingestConfigSchema } from '../config';
import type { IngestConfig } from '../config';
import { DeviceResolver } from '../devices/device-resolver';
import { IngestModule } from '../ingest.module';
import { IngestMetrics } from './ingest-metrics';
import { MetricsLifecycle, MetricsModule } from './metrics.module';
import { IngestMetricNames as N } from './metric-names';

jest.setTimeout(60_000);

const configWith = (overrides: Record<string, string> = {}): IngestConfig => {
  const instance = uniqueName('itest-ingest-metrics');
  return ingestConfigSchema.parse({
    LOG_LEVEL: 'silent',
    INSTANCE_ID: instance,
    // The whole module subscribes on the machine's broker: its own share group and a short-lived session (a stale
    // member of the default group would take its share of every later run's messages), its buffer in /tmp.
    INGEST_SHARE_GROUP: instance,
    INGEST_MQTT_SESSION_EXPIRY_SECONDS: '10',
    INGEST_WAL_DIR: join(tmpdir(), `${instance}-wal`),
    REDIS_URL: testServices.redisUrl,
    CLICKHOUSE_URL: testServices.clickhouseUrl,
    MQTT_URL: testServices.mqttUrl,
    ...overrides,
  });
};

/** The metrics module alone, with the platform's core module (real Redis for its probe). */
function metricsOnly(config: IngestConfig): DynamicModule {
  @Module({})
  class MetricsTestModule {}
  const identity = processIdentity('ingest', config);
  return {
    module: MetricsTestModule,
    imports: [CoreModule.forApp({ ...identity, config }), MetricsModule.register({ port: config.INGEST_METRICS_PORT, host: config.INGEST_METRICS_HOST })],
  };
}

async function start(module: DynamicModule): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

const get = (port: number, path: string, method = 'GET') => fetch(`http://127.0.0.1:${port}${path}`, { method, signal: AbortSignal.timeout(5000) });
const tcpServers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

describe('ingest metrics over HTTP', () => {
  const apps: INestApplicationContext[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('serves what the pipeline counted on GET /metrics in the Prometheus text format', async () => {
    const port = await freePort();
    const app = await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' })));
    apps.push(app);
    const metrics = app.get(IngestMetrics);
    metrics.messageReceived('up');
    metrics.messageReceived('up');
    metrics.messageReceived('status');
    metrics.eventDecoded('up');
    metrics.decodeFailed('WRONG_TYPE');
    metrics.deadLettered('WRONG_TYPE');
    metrics.batchHandled(2);
    metrics.insertTook('uplinks', 0.03);
    metrics.acknowledged(0.004);
    metrics.trackWal(() => ({ bufferedBytes: 2048, bufferedRecords: 2, oldestRecordAgeMs: 1500, segments: 1 }));

    const response = await get(port, '/metrics?x=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = parseExposition(await response.text());
    expect(sampleValue(text, N.messagesReceived, { event: 'up' })).toBe(2);
    expect(sampleValue(text, N.messagesReceived, { event: 'status' })).toBe(1);
    expect(sampleValue(text, N.messagesReceived, { event: 'join' })).toBe(0);
    expect(sampleValue(text, N.eventsDecoded, { event: 'up' })).toBe(1);
    expect(sampleValue(text, N.decodeFailures, { reason: 'WRONG_TYPE' })).toBe(1);
    expect(sampleValue(text, N.deadLetters, { reason: 'WRONG_TYPE' })).toBe(1);
    expect(sampleValue(text, `${N.batchSize}_sum`)).toBe(2);
    expect(sampleValue(text, `${N.insertDuration}_bucket`, { table: 'uplinks', le: '0.05' })).toBe(1);
    expect(sampleValue(text, `${N.insertDuration}_bucket`, { table: 'uplinks', le: '0.025' })).toBe(0);
    expect(sampleValue(text, `${N.ackLag}_count`)).toBe(1);
    expect(sampleValue(text, N.walBufferedBytes)).toBe(2048);
    expect(sampleValue(text, N.walOldestAge)).toBe(1.5);
    expect(text.type.get('process_cpu_seconds_total')).toBe('counter');
    expect(text.help.get(N.deadLetters)).toMatch(/dead-letter/);
  });

  it('answers 404 for any other path or method', async () => {
    const port = await freePort();
    apps.push(await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' }))));
    for (const path of ['/', '/metrics/', '/metricsx', '/health']) expect((await get(port, path)).status).toBe(404);
    expect((await get(port, '/metrics', 'POST')).status).toBe(404);
    expect((await get(port, '/metrics')).status).toBe(200);
  });

  it('stops listening when the app closes', async () => {
    const port = await freePort();
    const app = await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' })));
    expect(app.get(MetricsLifecycle).address?.port).toBe(port);
    await app.close();
    await expect(get(port, '/metrics')).rejects.toThrow();
  });

  it('opens no listener with INGEST_METRICS_PORT=0, but still counts', async () => {
    const before = tcpServers();
    const app = await start(metricsOnly(configWith({ INGEST_METRICS_PORT: '0' })));
    apps.push(app);
    expect(app.get(MetricsLifecycle).address).toBeUndefined();
    expect(tcpServers()).toBe(before);
    app.get(IngestMetrics).messageReceived('up');
    expect(sampleValue(parseExposition(await app.get(IngestMetrics).scrape()), N.messagesReceived, { event: 'up' })).toBe(1);

    const port = await freePort();
    apps.push(await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' }))));
    expect(tcpServers()).toBe(before + 1);
  });

  it('refuses to start when the port is taken', async () => {
    const port = await freePort();
    apps.push(await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' }))));
    await expect(start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1' })))).rejects.toThrow(/EADDRINUSE/);
  });

  it('keeps two modules in one process apart (one registry each)', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(portA), INGEST_METRICS_HOST: '127.0.0.1' })));
    apps.push(a);
    apps.push(await start(metricsOnly(configWith({ INGEST_METRICS_PORT: String(portB), INGEST_METRICS_HOST: '127.0.0.1' }))));
    a.get(IngestMetrics).deadLettered('OVERSIZED');
    expect(sampleValue(parseExposition(await (await get(portA, '/metrics')).text()), N.deadLetters, { reason: 'OVERSIZED' })).toBe(1);
    expect(sampleValue(parseExposition(await (await get(portB, '/metrics')).text()), N.deadLetters, { reason: 'OVERSIZED' })).toBeUndefined();
  });

  it('the ingest app serves its metrics, counting device cache misses of its resolver', async () => {
    const port = await freePort();
    const config = configWith({ INGEST_METRICS_PORT: String(port), INGEST_METRICS_HOST: '127.0.0.1', RPC_TIMEOUT_MS: '300' });
    const app = await start(IngestModule.register(config, processIdentity('ingest', config)));
    apps.push(app);
    // No system service runs here: the lookup misses both caches and its RPC times out, after being counted.
    const devEui = `70b3d5${Date.now().toString(16).slice(-10).padStart(10, '0')}`;
    await expect(app.get(DeviceResolver).resolveMany([{ devEui }])).rejects.toMatchObject({ code: 'RPC_TIMEOUT' });
    const text = parseExposition(await (await get(port, '/metrics')).text());
    expect(sampleValue(text, N.deviceCacheMisses)).toBe(1);
    expect(sampleValue(text, N.deviceCacheHits, { level: 'process' })).toBe(0);
    expect(sampleValue(text, N.walSegments)).toBe(0);
    expect(text.type.get(N.ackLag)).toBe('histogram');
  });
});
