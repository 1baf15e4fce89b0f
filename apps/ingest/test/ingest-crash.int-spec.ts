import { IngestStack, TestClickHouseServer, TestMosquitto, combinePlans, exactOrWhy, planUplinks, publishUplinks, waitFor, waitUntilStored } from '@app/testing';
import type { UplinkPlan } from '@app/testing';
import { IngestMetricNames } from '../src/metrics/metric-names';

jest.setTimeout(180_000);

/**
 * The Ingest issue's fault "the ingest process killed with SIGKILL in the middle of a stream (and once in the
 * middle of a drain) and restarted: every reading present exactly once". Real processes: a private Mosquitto with
 * the shipped broker.conf (the persistent session keeps what ingest had not acknowledged), a private ClickHouse
 * server (stopped for the mid-drain case), the system service and one ingest from dist/ with INGEST_WAL_SYNC=always,
 * restarted on the same write-ahead directory and client id.
 */
describe('ingest fault: SIGKILL of the ingest process', () => {
  let broker: TestMosquitto | undefined;
  let clickhouse: TestClickHouseServer | undefined;
  let stack: IngestStack | undefined;
  /** Every plan published so far: the database holds them all, so each check covers all of them. */
  const published: UplinkPlan[] = [];

  beforeAll(async () => {
    broker = await TestMosquitto.start();
    clickhouse = await TestClickHouseServer.start();
    stack = await IngestStack.start({ mqttUrl: broker.url, clickhouseUrl: clickhouse.url, ingestEnv: { INGEST_WAL_SYNC: 'always' } });
    await stack.startIngest('a');
    await broker.waitForSubscription(stack.ingestClientId('a'), '$share/');
  });

  afterAll(async () => {
    await stack?.stop();
    await clickhouse?.dispose();
    await broker?.dispose();
  });

  const received = async (): Promise<number> => (await stack!.metricSum('a', IngestMetricNames.messagesReceived)) ?? 0;

  it('killed in the middle of a stream of 10,000 uplinks and restarted: every uplink and reading stored exactly once', async () => {
    const plan = planUplinks({ meters: 500, count: 10_000, seed: 51 });
    await stack!.registerMeters(plan.meters);
    published.push(plan);

    let acked = 0;
    // Paced (10 s), so the publishers are still going when ingest is killed, even on a loaded machine.
    const publishing = publishUplinks(broker!.url, plan.uplinks, { rate: 1_000, onAck: () => acked++ });
    // Kill once ingest has taken a good part of the stream (and is inserting batches), long before the end.
    await waitFor('ingest to receive 3,000 messages', async () => (await received()) >= 3_000, 60_000, 20);
    await stack!.killIngest('a');
    const ackedAtKill = acked;
    await new Promise((r) => setTimeout(r, 1000));
    await stack!.startIngest('a');
    await publishing;

    expect(ackedAtKill).toBeLessThan(plan.uplinks.length);
    const check = await waitUntilStored(stack!.clickhouse, combinePlans(...published), 120_000);
    expect(exactOrWhy(check)).toBe('exact');
  });

  it('killed in the middle of a drain (ClickHouse down, 5,000 acknowledged records only in the buffer) and restarted: each stored exactly once', async () => {
    const plan = planUplinks({ meters: 500, count: 5_000, seed: 52 });
    await stack!.registerMeters(plan.meters);
    published.push(plan);
    await waitFor('the restarted ingest on /metrics', async () => (await stack!.metrics('a')) !== undefined, 30_000, 100);

    await clickhouse!.stop();
    await publishUplinks(broker!.url, plan.uplinks);
    // Ingest acknowledged every message into its buffer; the drain cannot confirm any to ClickHouse.
    const buffered = await waitFor('5,000 records buffered', async () => {
      const n = (await stack!.metricSum('a', IngestMetricNames.walBufferedRecords)) ?? 0;
      return n >= plan.uplinks.length ? n : undefined;
    }, 60_000, 100);
    expect(buffered).toBeGreaterThanOrEqual(plan.uplinks.length);

    await stack!.killIngest('a');
    await clickhouse!.start();
    await stack!.startIngest('a');

    const check = await waitUntilStored(stack!.clickhouse, combinePlans(...published), 120_000);
    expect(exactOrWhy(check)).toBe('exact');
  });
});
