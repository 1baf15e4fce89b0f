import type { ServiceHealth } from '@app/contracts';
import { aggregateHealth } from './aggregate';
import type { ServiceAnswer } from './aggregate';

const gateway: ServiceHealth = {
  service: 'gateway',
  status: 'up',
  version: '1.0.0',
  instance: 'gw-1',
  uptimeSeconds: 10,
  stores: { redis: { status: 'up', latencyMs: 1 } },
};

function answer(service: string, stores: ServiceHealth['stores'], status: ServiceHealth['status'] = 'up'): ServiceAnswer {
  return { service, ok: true, latencyMs: 3, health: { service, status, version: '1.0.0', instance: `${service}-1`, uptimeSeconds: 5, stores } };
}

const allUp = (): ServiceAnswer[] => [
  answer('system', { postgres: { status: 'up', latencyMs: 2 }, redis: { status: 'up' }, mongodb: { status: 'disabled', detail: 'MONGO_URL not set' } }),
  answer('metering', { postgres: { status: 'up', latencyMs: 5 }, clickhouse: { status: 'up', latencyMs: 4 } }),
  answer('billing', { postgres: { status: 'up' } }),
  answer('analytics', { clickhouse: { status: 'up' } }),
  answer('ingest', { clickhouse: { status: 'up' }, mqtt: { status: 'up' } }),
];

describe('aggregateHealth', () => {
  it('is ok when everything required is up and MongoDB is disabled', () => {
    const report = aggregateHealth(allUp(), gateway, new Date('2026-01-01T00:00:00Z'));
    expect(report.status).toBe('ok');
    expect(Object.keys(report.services).sort()).toEqual(['analytics', 'billing', 'gateway', 'ingest', 'metering', 'system']);
    expect(report.stores.postgres).toEqual({ status: 'up', latencyMs: 5, reportedBy: ['system', 'metering', 'billing'] });
    expect(report.stores.mongodb.status).toBe('disabled');
    expect(report.stores.redis.reportedBy).toEqual(['gateway', 'system']);
    expect(report.checkedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is down when a service does not answer', () => {
    const answers = allUp();
    answers[0] = { service: 'system', ok: false, detail: 'RPC_TIMEOUT', latencyMs: 1000 };
    const report = aggregateHealth(answers, gateway, new Date());
    expect(report.status).toBe('down');
    expect(report.services.system).toEqual({ status: 'down', detail: 'RPC_TIMEOUT', latencyMs: 1000 });
  });

  it('takes the worst report of a store and is down when a required store is down', () => {
    const answers = allUp();
    answers[4] = answer('ingest', { clickhouse: { status: 'down', detail: 'ECONNREFUSED' }, mqtt: { status: 'up' } }, 'degraded');
    const report = aggregateHealth(answers, gateway, new Date());
    expect(report.stores.clickhouse.status).toBe('down');
    expect(report.stores.clickhouse.detail).toBe('ECONNREFUSED');
    expect(report.status).toBe('down');
  });

  it('is only degraded when the optional MongoDB is down', () => {
    const answers = allUp();
    answers[0] = answer('system', { postgres: { status: 'up' }, mongodb: { status: 'down', detail: 'timeout' } }, 'degraded');
    const report = aggregateHealth(answers, gateway, new Date());
    expect(report.status).toBe('degraded');
  });

  it('reports a store nobody could check as down', () => {
    const answers = allUp().filter((a) => a.service !== 'ingest');
    answers.push({ service: 'ingest', ok: false, detail: 'gone', latencyMs: 1 });
    const report = aggregateHealth(answers, gateway, new Date());
    expect(report.stores.mqtt).toEqual({ status: 'down', detail: 'no running service reported on this store', reportedBy: [] });
  });
});
