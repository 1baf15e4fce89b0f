import { connect, connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { ClickHouseStore, sql } from '@app/clickhouse';
import { TestClickHouseServer } from './clickhouse-server';
import { IngestStack } from './ingest-stack';
import { TestMosquitto } from './mosquitto';
import { checkStored, exactOrWhy, planUplinks, publishUplinks } from './uplinks';

jest.setTimeout(120_000);

/**
 * The fault tests' own machinery: a private Mosquitto with the shipped broker.conf, a private ClickHouse server
 * that can be stopped, and the ingest stack's migrations and registry (apps/ingest/test/*.int-spec.ts use them).
 */
describe('ingest fault-test harness', () => {
  describe('private Mosquitto with the shipped broker configuration', () => {
    let broker: TestMosquitto | undefined;
    let subscriber: MqttClient | undefined;
    afterEach(async () => {
      await subscriber?.endAsync(true).catch(() => undefined);
      await broker?.dispose();
    });

    it('queues more than Mosquitto\'s default 1,000 messages for an offline persistent session, across a broker restart', async () => {
      broker = await TestMosquitto.start();
      expect(broker.url).not.toContain(':1883');
      const clientId = `harness-offline-${process.pid}`;
      const options = { clientId, clean: false, protocolVersion: 5 as const, properties: { sessionExpiryInterval: 3600 }, reconnectPeriod: 0 };
      subscriber = await connectAsync(broker.url, options);
      await subscriber.subscribeAsync('$share/harness/application/+/device/+/event/+', { qos: 1 });
      await broker.waitForSubscription(clientId, '$share/harness/');
      await subscriber.endAsync();

      const plan = planUplinks({ meters: 50, count: 3000, seed: 5 });
      expect(new Set(plan.uplinks.map((u) => u.deduplicationId)).size).toBe(3000);
      await publishUplinks(broker.url, plan.uplinks);
      await broker.stop(); // clean shutdown writes the queue to the snapshot
      await broker.start();

      const received = new Set<string>();
      const all = new Promise<void>((resolve) => {
        const onMessage = (_topic: string, payload: Buffer) => {
          received.add((JSON.parse(payload.toString()) as { deduplicationId: string }).deduplicationId);
          if (received.size === plan.uplinks.length) resolve();
        };
        // The handler must be in place before CONNACK: the queue arrives right after it.
        subscriber = connect(broker!.url, options);
        subscriber.on('message', onMessage);
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
      expect(received.size).toBe(3000);
    });
  });

  describe('private ClickHouse server and the ingest stack', () => {
    let clickhouse: TestClickHouseServer | undefined;
    let broker: TestMosquitto | undefined;
    let stack: IngestStack | undefined;
    afterAll(async () => {
      await stack?.stop();
      await clickhouse?.dispose();
      await broker?.dispose();
    });

    it('migrates into the private server, registers meters, and keeps the data across a stop and start', async () => {
      clickhouse = await TestClickHouseServer.start();
      broker = await TestMosquitto.start();
      expect(clickhouse.url).not.toContain(':8123');
      stack = await IngestStack.start({ mqttUrl: broker.url, clickhouseUrl: clickhouse.url });
      const plan = planUplinks({ meters: 20, count: 40, seed: 9 });
      const ids = await stack.registerMeters(plan.meters);
      expect(ids.size).toBe(plan.meters.length);
      expect(plan.uplinks).toHaveLength(40);
      expect(plan.readingKeys.size).toBeGreaterThan(40);

      const store = new ClickHouseStore({ url: clickhouse.url, database: stack.clickhouseDb });
      try {
        const tables = (await store.query<{ name: string }>(sql`SELECT name FROM system.tables WHERE database = ${stack.clickhouseDb}`)).map((t) => t.name);
        expect(tables).toEqual(expect.arrayContaining(['uplinks', 'readings', 'device_status', 'dead_letters', 'unassigned_uplinks', 'gateway_last_seen']));
        await clickhouse.stop();
        await expect(store.query(sql`SELECT 1`)).rejects.toThrow();
        await clickhouse.start();
        expect(await store.query(sql`SELECT count() AS n FROM uplinks`)).toEqual([{ n: '0' }]);

        // The checker: nothing stored is "missing"; the plan's rows once are exact; a second row of one uplink under
        // another key (a redelivery stored with a different ts) and a lost reading are both reported.
        expect(exactOrWhy(await checkStored(store, plan))).toMatch(/uplinks: 0 rows, missing 40 .*readings: 0 rows, missing/);
        const uplinkRow = (u: (typeof plan.uplinks)[number], ts: number) => ({
          tenant_id: stack!.tenantId, dev_eui: u.devEui, ts: new Date(ts * 1000), received_at: new Date(), event: 'up', deduplication_id: u.deduplicationId,
          f_cnt: 0, f_port: 1, payload_hex: '', raw: u.payload, decode_status: 'ok', decode_error: '', codec: '', version: 1,
        });
        await store.insert('uplinks', plan.uplinks.map((u) => uplinkRow(u, u.ts)));
        const readingRows = [...plan.readingKeys].map((key) => {
          const [devEui, ts, quantity, register, storage, tariff] = key.split('|');
          return {
            tenant_id: stack!.tenantId, device_id: ids.get(devEui) as string, device_address: devEui, ts: new Date(Number(ts) * 1000), received_at: new Date(),
            quantity, value: 1, unit: 'm3', storage: Number(storage), tariff: Number(tariff), register, codec: '', source: 'lorawan', deduplication_id: '', version: 1,
          };
        });
        await store.insert('readings', readingRows.slice(1));
        await store.insert('readings', readingRows.slice(1)); // an unmerged duplicate of the same keys: FINAL shows it once
        expect(exactOrWhy(await checkStored(store, plan))).toMatch(/^uplinks: 40 rows, missing 0, duplicated 0, unexpected 0; readings: \d+ rows, missing 1 \(/);
        await store.insert('readings', readingRows.slice(0, 1));
        expect(exactOrWhy(await checkStored(store, plan))).toBe('exact');
        await store.insert('uplinks', [uplinkRow(plan.uplinks[0], plan.uplinks[0].ts + 7)]);
        expect(exactOrWhy(await checkStored(store, plan))).toMatch(/duplicated 1 \(/);
      } finally {
        await store.close();
      }
    });
  });
});
