/** The platform's migrations (libs/clickhouse/migrations) on the real ClickHouse server, and their keys. */
import { join } from 'node:path';
import { ClickHouseStore, ident, runClickHouseMigrations, sql, versionAtLeast } from '@app/clickhouse';
import { dropThrowawayDatabase, testConfig, throwawayDatabaseName } from '../../test/clickhouse-env';

const PLATFORM_MIGRATIONS = join(__dirname, '..', '..', 'migrations');

async function tableNames(store: ClickHouseStore): Promise<string[]> {
  const rows = await store.query<{ name: string }>(
    sql`SELECT name FROM system.tables WHERE database = ${store.database} ORDER BY name`,
  );
  return rows.map((row) => row.name);
}

describe('the platform migrations (libs/clickhouse/migrations) on the server', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = new ClickHouseStore(testConfig(throwawayDatabaseName()));
  });
  afterAll(async () => {
    if (store) await dropThrowawayDatabase(store);
  });

  it('apply, gate what the server lacks, and apply nothing the second time', async () => {
    const first = await runClickHouseMigrations(store, PLATFORM_MIGRATIONS);
    const version = await store.serverVersion();
    expect(first.applied).toContain('0001_telemetry.sql');
    const codecsApply = versionAtLeast(version, 20, 3);
    expect(first.skipped.includes('0002_telemetry_codecs.sql')).toBe(!codecsApply);
    expect(await tableNames(store)).toEqual(['dead_letters', 'device_status', 'gateway_last_seen', 'readings', 'readings_ingest', 'readings_ingest_mv', 'schema_migrations', 'unassigned_uplinks', 'uplinks']);

    const second = await runClickHouseMigrations(store, PLATFORM_MIGRATIONS);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
  });

  it('collapses duplicate readings on (tenant, device, ts, quantity, register, storage, tariff), highest version kept', async () => {
    const tenant = '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77';
    const device = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const ts = new Date('2024-05-01T00:00:00Z');
    const reading = {
      tenant_id: tenant,
      device_id: device,
      device_address: '70b3d5e75e001234',
      ts,
      received_at: ts,
      quantity: 'volume',
      unit: 'm3',
      storage: 0,
      tariff: 0,
      register: '',
      codec: 'axioma/qalcosonic-w1',
      source: 'lorawan',
      deduplication_id: 'd1',
    };
    await store.insert('readings', [{ ...reading, value: 12.5, version: 1n }]);
    await store.insert('readings', [
      { ...reading, value: 12.75, version: 2n },
      { ...reading, value: 3.5, version: 1n, quantity: 'flow_temperature', unit: 'degC' },
    ]);
    const rows = await store.query<{ quantity: string; value: number }>(
      sql`SELECT quantity, value FROM ${ident('readings')} FINAL WHERE tenant_id = ${tenant} AND device_id = ${device} ORDER BY quantity`,
    );
    expect(rows).toEqual([
      { quantity: 'flow_temperature', value: 3.5 },
      { quantity: 'volume', value: 12.75 },
    ]);
  });

  it('collapses a redelivered uplink on (event, deduplication_id) and keeps status rows per uplink', async () => {
    const tenant = '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77';
    const ts = new Date('2024-05-01T00:00:00Z');
    const uplink = {
      tenant_id: tenant,
      dev_eui: '70b3d5e75e001234',
      ts,
      received_at: ts,
      event: 'up',
      deduplication_id: 'f2b5c8de-0000-4000-8000-000000000001',
      f_cnt: 10,
      f_port: 2,
      payload_hex: '0102',
      raw: '{"data":"AQI="}',
      decode_status: 'ok',
      decode_error: '',
      codec: 'x/y',
      version: 1n,
    };
    await store.insert('uplinks', [uplink, { ...uplink, version: 2n }, { ...uplink, event: 'log', version: 1n }]);
    const events = await store.query<{ event: string }>(sql`SELECT event FROM uplinks FINAL ORDER BY event`);
    expect(events).toEqual([{ event: 'log' }, { event: 'up' }]);

    const device = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const status = { tenant_id: tenant, device_id: device, dev_eui: uplink.dev_eui, received_at: ts, version: 1n };
    await store.insert('device_status', [
      { ...status, ts, f_cnt: 10, rssi: -97, snr: 7.5, gateway_count: 2, gateway_ids: ['gw1', 'gw2'], battery_percent: null },
      { ...status, ts: new Date('2024-05-01T00:15:00Z'), f_cnt: 11, rssi: -101, snr: null, gateway_count: 1, gateway_ids: ['gw2'] },
    ]);
    const [last] = await store.query<{ f_cnt: number; rssi: number; seen: string }>(
      sql`SELECT argMax(f_cnt, ts) AS f_cnt, argMax(rssi, ts) AS rssi, toString(max(ts)) AS seen
          FROM device_status WHERE tenant_id = ${tenant} AND device_id = ${device}`,
    );
    expect(last).toEqual({ f_cnt: 11, rssi: -101, seen: '2024-05-01 00:15:00' });
  });
});
