import type { IngestInstanceStats } from '@app/contracts';
import { entryAgeMs, instanceStats, parseInstanceStats, summarize } from './instance-stats';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const rates = { receivedPerSecond: 10, storedPerSecond: 9.5, deadLetteredPerSecond: 0.5 };
const totals = { received: 100, stored: 95, deadLettered: 5 };

const entry = (instanceId: string, ageMs: number, perSecond: [number, number, number]): string =>
  JSON.stringify(
    instanceStats(instanceId, new Date(NOW - ageMs), { receivedPerSecond: perSecond[0], storedPerSecond: perSecond[1], deadLetteredPerSecond: perSecond[2] }, totals, undefined),
  );

describe('instanceStats', () => {
  it('reads a missing buffer as healthy and empty', () => {
    expect(instanceStats('a', new Date(NOW), rates, totals, undefined)).toEqual<IngestInstanceStats>({
      instanceId: 'a',
      at: '2026-01-01T12:00:00.000Z',
      ...rates,
      receivedTotal: 100,
      storedTotal: 95,
      deadLetteredTotal: 5,
      bufferStatus: 'healthy',
      bufferReasons: [],
      bufferedRecords: 0,
      oldestBufferedAgeMs: 0,
    });
  });

  it('carries a degraded buffer with its reasons, records and age', () => {
    const stats = instanceStats('a', new Date(NOW), rates, totals, {
      status: 'degraded',
      reasons: ['sink failing: ECONNREFUSED', 'buffer full'],
      bufferedRecords: 1200,
      oldestRecordAgeMs: 4321.7,
    });
    expect(stats).toMatchObject({ bufferStatus: 'degraded', bufferReasons: ['sink failing: ECONNREFUSED', 'buffer full'], bufferedRecords: 1200, oldestBufferedAgeMs: 4322 });
  });

  it('reads a buffer state without status (the metrics gauges\' shape) as healthy', () => {
    const stats = instanceStats('a', new Date(NOW), rates, totals, { bufferedRecords: 3, oldestRecordAgeMs: 10 });
    expect(stats).toMatchObject({ bufferStatus: 'healthy', bufferReasons: [], bufferedRecords: 3 });
  });
});

describe('summarize', () => {
  it('lists the instances heard in the last 10 s, sorted, with their sums', () => {
    const stats = summarize([entry('b', 1000, [10, 9, 1]), entry('a', 9_000, [2.25, 2, 0]), entry('c', 10_001, [1000, 1000, 0])], NOW);
    expect(stats.instances.map((i) => i.instanceId)).toEqual(['a', 'b']);
    expect(stats).toMatchObject({ receivedPerSecond: 12.25, storedPerSecond: 11, deadLetteredPerSecond: 1 });
  });

  it('answers no instances and zero sums for an empty hash', () => {
    expect(summarize([], NOW)).toEqual({ instances: [], receivedPerSecond: 0, storedPerSecond: 0, deadLetteredPerSecond: 0 });
  });

  it('ignores garbage and entries of another shape', () => {
    const stats = summarize(['not json', 'null', '{"instanceId":"x"}', JSON.stringify({ instanceId: 'y', at: 'yesterday', receivedPerSecond: 1, storedPerSecond: 1, deadLetteredPerSecond: 1 }), entry('a', 0, [1, 1, 0])], NOW);
    expect(stats.instances.map((i) => i.instanceId)).toEqual(['a']);
  });
});

describe('parseInstanceStats and entryAgeMs', () => {
  it('round-trips an entry and measures its age; garbage is infinitely old', () => {
    const json = entry('a', 1500, [1, 2, 3]);
    expect(parseInstanceStats(json)).toEqual(JSON.parse(json));
    expect(entryAgeMs(json, NOW)).toBe(1500);
    expect(entryAgeMs('{', NOW)).toBe(Number.POSITIVE_INFINITY);
  });
});
