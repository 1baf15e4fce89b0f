import { Writable } from 'node:stream';
import { createLogger } from '@app/common';
import { DomainError } from '@app/contracts';
import { LogLineOpsLogStore } from './fallback-ops-log.store';
import { MongoProbe } from './mongo-probe';

describe('LogLineOpsLogStore (MongoDB disabled)', () => {
  it('writes every entry to the service log and refuses queries with SERVICE_UNAVAILABLE', async () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const store = new LogLineOpsLogStore(createLogger({ service: 'ingest', version: '0', level: 'info', destination }));
    await store.record({ kind: 'dead_letter', service: 'ingest', message: 'bad base64', data: { topic: 't' }, at: new Date('2026-01-02T03:04:05Z') });
    const line = JSON.parse(chunks.join('')) as { opsLog: { kind: string; at: string; data: { topic: string } } };
    expect(line.opsLog).toMatchObject({ kind: 'dead_letter', at: '2026-01-02T03:04:05.000Z', data: { topic: 't' } });
    const error = await store.find({ kind: 'dead_letter' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    expect(store.enabled).toBe(false);
  });

  it('is reported as disabled, not down, by the probe', async () => {
    const store = new LogLineOpsLogStore(createLogger({ service: 's', version: '0', level: 'silent' }));
    const health = await new MongoProbe(store).probe();
    expect(health).toEqual({ status: 'disabled', detail: 'MONGO_URL not set; operational logs go to the service log' });
  });
});
