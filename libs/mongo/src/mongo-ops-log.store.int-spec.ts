import { testServices, uniqueName } from '@app/testing';
import { MongoOpsLogStore } from './mongo-ops-log.store';
import { MongoProbe } from './mongo-probe';

const mongoUrl = testServices.mongoUrl;
if (!mongoUrl) {
  console.warn(
    'SKIPPED MongoDB adapter tests: MONGO_URL is not set (no MongoDB server can be installed on this machine). ' +
      'Set MONGO_URL=mongodb://host:27017 to run them.',
  );
}
const describeWithMongo = mongoUrl ? describe : describe.skip;

describeWithMongo('MongoOpsLogStore against a real MongoDB (MONGO_URL)', () => {
  let store: MongoOpsLogStore;

  beforeAll(async () => {
    const url = new URL(mongoUrl ?? '');
    url.pathname = `/${uniqueName('headend_itest')}`;
    store = await MongoOpsLogStore.connect(url.toString());
  });
  afterAll(async () => {
    await store?.close();
  });

  it('records entries and finds them newest first by kind, tenant and correlation id', async () => {
    await store.record({ kind: 'job_run', service: 'metering', tenantId: 't1', correlationId: 'c1', message: 'first', at: new Date('2026-01-01T00:00:00Z') });
    await store.record({ kind: 'job_run', service: 'metering', tenantId: 't1', correlationId: 'c2', message: 'second', at: new Date('2026-01-02T00:00:00Z') });
    await store.record({ kind: 'dead_letter', service: 'ingest', tenantId: 't2', message: 'bad', data: { reason: 'json' }, at: new Date() });
    const jobs = await store.find({ kind: 'job_run', tenantId: 't1' });
    expect(jobs.map((j) => j.message)).toEqual(['second', 'first']);
    expect((await store.find({ correlationId: 'c1' })).map((j) => j.message)).toEqual(['first']);
    expect((await store.find({ kind: 'dead_letter' }))[0].data).toEqual({ reason: 'json' });
  });

  it('is reported up by the probe', async () => {
    expect((await new MongoProbe(store).probe()).status).toBe('up');
  });
});
