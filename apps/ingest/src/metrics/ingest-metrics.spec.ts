import { EventEmitter } from 'node:events';
import { register as globalRegistry } from 'prom-client';
import { DEVICE_CACHE_LOOKUP } from '../devices/device-resolver';
import { DEAD_LETTER_CODES } from '../events/dead-letter';
import { EVENT_NAMES } from '../events/event-types';
import { parseExposition, sampleValue } from '../../test/prometheus-text';
import { IngestMetrics } from './ingest-metrics';
import { INGEST_METRIC_PREFIX, IngestMetricNames as N } from './metric-names';

const TYPES: Record<keyof typeof N, string> = {
  messagesReceived: 'counter',
  eventsDecoded: 'counter',
  eventsStored: 'counter',
  decodeFailures: 'counter',
  deadLetters: 'counter',
  batchSize: 'histogram',
  insertDuration: 'histogram',
  ackLag: 'histogram',
  walBufferedBytes: 'gauge',
  walBufferedRecords: 'gauge',
  walOldestAge: 'gauge',
  walSegments: 'gauge',
  deviceCacheHits: 'counter',
  deviceCacheMisses: 'counter',
};

const scrape = async (metrics: IngestMetrics) => parseExposition(await metrics.scrape());

describe('IngestMetrics', () => {
  it('defines every named metric once, with its type and a help text, under the service prefix', async () => {
    const text = parseExposition(await new IngestMetrics({ defaultMetrics: false }).scrape());
    for (const [key, name] of Object.entries(N) as [keyof typeof N, string][]) {
      expect(name.startsWith(INGEST_METRIC_PREFIX)).toBe(true);
      expect(text.type.get(name)).toBe(TYPES[key]);
      expect(text.help.get(name)?.length).toBeGreaterThan(20);
      if (TYPES[key] === 'counter') expect(name).toMatch(/_total$/);
    }
    expect([...text.type.keys()].sort()).toEqual(Object.values(N).sort());
  });

  it('starts the known event and reason series at 0', async () => {
    const text = await scrape(new IngestMetrics({ defaultMetrics: false }));
    for (const event of [...EVENT_NAMES, 'other']) expect(sampleValue(text, N.messagesReceived, { event })).toBe(0);
    for (const event of EVENT_NAMES) expect(sampleValue(text, N.eventsDecoded, { event })).toBe(0);
    for (const reason of DEAD_LETTER_CODES) expect(sampleValue(text, N.decodeFailures, { reason })).toBe(0);
    expect(sampleValue(text, N.deviceCacheHits, { level: 'process' })).toBe(0);
    expect(sampleValue(text, N.deviceCacheMisses)).toBe(0);
  });

  it('counts by label and observes histograms', async () => {
    const metrics = new IngestMetrics({ defaultMetrics: false });
    metrics.messageReceived('up');
    metrics.messageReceived('up');
    metrics.messageReceived('other');
    metrics.eventDecoded('join');
    metrics.decodeFailed('BAD_BASE64');
    metrics.deadLettered('MALFORMED_JSON');
    metrics.batchHandled(120);
    metrics.insertTook('uplinks', 0.04);
    metrics.insertTook('uplinks', 0.2);
    metrics.insertTook('device_status', 3);
    metrics.acknowledged(0.002);
    const text = await scrape(metrics);
    expect(sampleValue(text, N.messagesReceived, { event: 'up' })).toBe(2);
    expect(sampleValue(text, N.messagesReceived, { event: 'other' })).toBe(1);
    expect(sampleValue(text, N.eventsDecoded, { event: 'join' })).toBe(1);
    expect(sampleValue(text, N.decodeFailures, { reason: 'BAD_BASE64' })).toBe(1);
    expect(sampleValue(text, N.deadLetters, { reason: 'MALFORMED_JSON' })).toBe(1);
    expect(sampleValue(text, `${N.batchSize}_count`)).toBe(1);
    expect(sampleValue(text, `${N.batchSize}_sum`)).toBe(120);
    expect(sampleValue(text, `${N.batchSize}_bucket`, { le: '100' })).toBe(0);
    expect(sampleValue(text, `${N.batchSize}_bucket`, { le: '250' })).toBe(1);
    expect(sampleValue(text, `${N.insertDuration}_count`, { table: 'uplinks' })).toBe(2);
    expect(sampleValue(text, `${N.insertDuration}_sum`, { table: 'uplinks' })).toBeCloseTo(0.24);
    expect(sampleValue(text, `${N.insertDuration}_bucket`, { table: 'uplinks', le: '0.05' })).toBe(1);
    expect(sampleValue(text, `${N.insertDuration}_count`, { table: 'device_status' })).toBe(1);
    expect(sampleValue(text, `${N.ackLag}_bucket`, { le: '0.001' })).toBe(0);
    expect(sampleValue(text, `${N.ackLag}_bucket`, { le: '0.0025' })).toBe(1);
    expect(sampleValue(text, `${N.ackLag}_bucket`, { le: '+Inf' })).toBe(1);
  });

  it('times an insert with startInsert', async () => {
    const metrics = new IngestMetrics({ defaultMetrics: false });
    const done = metrics.startInsert('uplinks');
    await new Promise((r) => setTimeout(r, 20));
    expect(done()).toBeGreaterThanOrEqual(0.015);
    const text = await scrape(metrics);
    expect(sampleValue(text, `${N.insertDuration}_count`, { table: 'uplinks' })).toBe(1);
    expect(sampleValue(text, `${N.insertDuration}_sum`, { table: 'uplinks' })).toBeGreaterThanOrEqual(0.015);
  });

  it('reads the WAL gauges from the state source at every scrape, 0 without one', async () => {
    const metrics = new IngestMetrics({ defaultMetrics: false });
    let text = await scrape(metrics);
    expect(sampleValue(text, N.walBufferedBytes)).toBe(0);
    const state = { bufferedBytes: 4096, bufferedRecords: 3, oldestRecordAgeMs: 2500, segments: 2 };
    metrics.trackWal(() => state);
    text = await scrape(metrics);
    expect(sampleValue(text, N.walBufferedBytes)).toBe(4096);
    expect(sampleValue(text, N.walBufferedRecords)).toBe(3);
    expect(sampleValue(text, N.walOldestAge)).toBe(2.5);
    expect(sampleValue(text, N.walSegments)).toBe(2);
    Object.assign(state, { bufferedBytes: 0, bufferedRecords: 0, oldestRecordAgeMs: 0, segments: 1 });
    text = await scrape(metrics);
    expect(sampleValue(text, N.walBufferedBytes)).toBe(0);
    expect(sampleValue(text, N.walOldestAge)).toBe(0);
    expect(sampleValue(text, N.walSegments)).toBe(1);
  });

  it('counts device cache lookups the resolver signals', async () => {
    const metrics = new IngestMetrics({ defaultMetrics: false });
    const signals = new EventEmitter();
    metrics.followDeviceResolver({ signals });
    signals.emit(DEVICE_CACHE_LOOKUP, { processHits: 5, redisHits: 2, misses: 1 });
    signals.emit(DEVICE_CACHE_LOOKUP, { processHits: 1, redisHits: 0, misses: 3 });
    const text = await scrape(metrics);
    expect(sampleValue(text, N.deviceCacheHits, { level: 'process' })).toBe(6);
    expect(sampleValue(text, N.deviceCacheHits, { level: 'redis' })).toBe(2);
    expect(sampleValue(text, N.deviceCacheMisses)).toBe(4);
  });

  it('keeps every instance in its own registry, never the global default one', async () => {
    const a = new IngestMetrics({ defaultMetrics: false });
    const b = new IngestMetrics({ defaultMetrics: false });
    a.messageReceived('up');
    expect(sampleValue(await scrape(a), N.messagesReceived, { event: 'up' })).toBe(1);
    expect(sampleValue(await scrape(b), N.messagesReceived, { event: 'up' })).toBe(0);
    expect(await globalRegistry.metrics()).not.toContain(INGEST_METRIC_PREFIX);
    expect(await globalRegistry.metrics()).not.toContain('process_cpu_seconds_total');
  });

  it('adds the Node.js process metrics unless told not to', async () => {
    const withDefaults = await scrape(new IngestMetrics());
    expect(withDefaults.type.get('process_cpu_seconds_total')).toBe('counter');
    expect(withDefaults.type.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    const without = await scrape(new IngestMetrics({ defaultMetrics: false }));
    expect(without.type.has('process_cpu_seconds_total')).toBe(false);
  });
});
