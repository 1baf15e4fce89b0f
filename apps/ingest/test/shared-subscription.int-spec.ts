import { IngestStack, TestMosquitto, exactOrWhy, planUplinks, publishUplinks, waitUntilStored } from '@app/testing';
import { IngestMetricNames } from '../src/metrics/metric-names';

jest.setTimeout(180_000);

const TOTAL = 10_000;

/**
 * The Ingest issue's fault "two ingest instances on the shared subscription: each message stored once, load split
 * between them". Two ingest processes (dist/) with different INSTANCE_IDs (so different client ids, persistent
 * sessions and write-ahead directories) on one share group of a private Mosquitto with the shipped broker.conf,
 * one ClickHouse database on the machine's server. Each instance's share is read from its own /metrics
 * (`headend_ingest_messages_received_total`): both must have received a real part of the stream, and together
 * every message once.
 */
describe('ingest fault: two instances on one shared subscription', () => {
  let broker: TestMosquitto | undefined;
  let stack: IngestStack | undefined;

  beforeAll(async () => {
    broker = await TestMosquitto.start();
    stack = await IngestStack.start({ mqttUrl: broker.url, ingestEnv: { INGEST_WAL_SYNC: 'always', INGEST_SHARE_GROUP: 'headend-ingest' } });
  });

  afterAll(async () => {
    await stack?.stop();
    await broker?.dispose();
  });

  it('stores each of 10,000 uplinks once and both instances take a real share', async () => {
    const plan = planUplinks({ meters: 1000, count: TOTAL, seed: 61 });
    await stack!.registerMeters(plan.meters);
    await Promise.all([stack!.startIngest('a'), stack!.startIngest('b')]);
    await broker!.waitForSubscription(stack!.ingestClientId('a'), '$share/headend-ingest/');
    await broker!.waitForSubscription(stack!.ingestClientId('b'), '$share/headend-ingest/');

    await publishUplinks(broker!.url, plan.uplinks);
    const check = await waitUntilStored(stack!.clickhouse, plan, 120_000);
    expect(exactOrWhy(check)).toBe('exact');

    const a = (await stack!.metricSum('a', IngestMetricNames.messagesReceived)) ?? 0;
    const b = (await stack!.metricSum('b', IngestMetricNames.messagesReceived)) ?? 0;
    // Mosquitto hands a shared subscription's messages round robin: a real split, not one instance taking all.
    expect(a).toBeGreaterThan(TOTAL * 0.2);
    expect(b).toBeGreaterThan(TOTAL * 0.2);
    // No message went to both (a redelivery after a reconnect would count twice; none is expected here).
    expect(a + b).toBe(TOTAL);
  });
});
