import { IngestStack, TestClickHouseServer, TestMosquitto, exactOrWhy, planUplinks, publishUplinks, waitFor, waitUntilStored } from '@app/testing';
import { IngestMetricNames } from '../src/metrics/metric-names';

jest.setTimeout(180_000);

const TOTAL = 20_000;
/** Paced, so the stream lasts about 20 s and the outage (SIGTERM takes ClickHouse seconds under load) falls in it. */
const RATE = 1_000;

/**
 * The Ingest issue's fault "ClickHouse stopped in the middle of a stream of 20,000 uplinks, started again: every
 * reading present exactly once". Real processes: a private Mosquitto with the shipped broker.conf, a private
 * ClickHouse server (stopped with SIGTERM, as a service manager does), the system service and one ingest
 * (dist/) with INGEST_WAL_SYNC=always. While ClickHouse is down ingest keeps acknowledging into its write-ahead
 * buffer; afterwards `uplinks FINAL` and `readings FINAL` must hold every planned row exactly once.
 */
describe('ingest fault: ClickHouse stopped in the middle of a stream', () => {
  let broker: TestMosquitto | undefined;
  let clickhouse: TestClickHouseServer | undefined;
  let stack: IngestStack | undefined;

  beforeAll(async () => {
    broker = await TestMosquitto.start();
    clickhouse = await TestClickHouseServer.start();
    stack = await IngestStack.start({ mqttUrl: broker.url, clickhouseUrl: clickhouse.url, ingestEnv: { INGEST_WAL_SYNC: 'always' } });
  });

  afterAll(async () => {
    await stack?.stop();
    await clickhouse?.dispose();
    await broker?.dispose();
  });

  it('20,000 uplinks with ClickHouse stopped and started mid-stream: every uplink and reading stored exactly once', async () => {
    const plan = planUplinks({ meters: 1000, count: TOTAL, seed: 41 });
    await stack!.registerMeters(plan.meters);
    await stack!.startIngest('a');
    await broker!.waitForSubscription(stack!.ingestClientId('a'), '$share/');

    let acked = 0;
    const publishing = publishUplinks(broker!.url, plan.uplinks, { rate: RATE, onAck: () => acked++ });
    const outage = (async () => {
      await waitFor('a quarter of the stream', async () => acked >= TOTAL / 4, 60_000, 20);
      const ackedAtStop = acked;
      await clickhouse!.stop(); // SIGTERM, SIGKILL after 3 s (see TestClickHouseServer.stop)
      // Ingest keeps taking the stream into its buffer while ClickHouse is gone.
      await waitFor('three quarters of the stream', async () => acked >= (TOTAL * 3) / 4, 60_000, 20);
      const buffered = (await stack!.metricSum('a', IngestMetricNames.walBufferedRecords)) ?? 0;
      await clickhouse!.start();
      return { ackedAtStop, ackedAtStart: acked, buffered };
    })();
    const [, during] = await Promise.all([publishing, outage]);

    expect(during.ackedAtStop).toBeLessThan(TOTAL / 2);
    expect(during.ackedAtStart - during.ackedAtStop).toBeGreaterThan(TOTAL / 4);
    // The records taken during the outage waited in the write-ahead buffer, not in ClickHouse.
    expect(during.buffered).toBeGreaterThan(1000);

    const check = await waitUntilStored(stack!.clickhouse, plan, 120_000);
    expect(exactOrWhy(check)).toBe('exact');
    expect(check.uplinkRows).toBeGreaterThanOrEqual(TOTAL);
  });
});
