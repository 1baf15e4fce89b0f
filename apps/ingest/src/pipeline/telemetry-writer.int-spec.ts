/**
 * The ingest encoders (tsv-lines.ts) through TelemetryWriter into the real ClickHouse (the machine's 18.16 server,
 * a throwaway database with the platform migrations): what is read back equals what was meant, including the
 * readings that go through `readings_ingest` and its materialized view, and texts that need escaping.
 */
import { join } from 'node:path';
import { ClickHouseStore, ident, runClickHouseMigrations, sql } from '@app/clickhouse';
import type { Measurement } from '@app/codecs';
import { testServices, uniqueName } from '@app/testing';
import { emptyRows, flattenReadings } from './rows';
import type { ReadingGroup } from './rows';
import { TelemetryWriter } from './telemetry-writer';

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'libs', 'clickhouse', 'migrations');
const TENANT = '6f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77';
const METER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const RECEIVED = Date.UTC(2026, 10, 26, 12, 0, 0);
const UPLINK = RECEIVED - 3_000;

jest.setTimeout(60_000);

interface ReadBack {
  device_address: string;
  ts: string;
  received_at: string;
  quantity: string;
  value: number;
  unit: string;
  storage: number;
  tariff: number;
  register: string;
  codec: string;
  source: string;
  deduplication_id: string;
  version: string;
}

const text = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function group(dedup: string, measurements: Measurement[], overrides: Partial<ReadingGroup> = {}): ReadingGroup {
  return {
    tenant_id: TENANT,
    device_id: METER,
    device_address: '70b3d5e75e001234',
    uplink_ms: UPLINK,
    received_ms: RECEIVED,
    codec: 'axioma/qalcosonic-w1',
    source: 'lorawan',
    deduplication_id: dedup,
    version: 7,
    measurements,
    ...overrides,
  };
}

describe('TelemetryWriter into ClickHouse', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = new ClickHouseStore({ url: testServices.clickhouseUrl, database: uniqueName('ht_writer'), requestTimeoutMs: 20_000 });
    await store.ensureDatabase();
    await runClickHouseMigrations(store, MIGRATIONS);
  });
  afterAll(async () => {
    await store.command(sql`DROP DATABASE IF EXISTS ${ident(store.database)}`).catch(() => undefined);
    await store.close();
  });

  it('stores one readings row per finite measurement of each group, as flattenReadings describes them', async () => {
    const groups: ReadingGroup[] = [
      group('d-1', [
        { quantity: 'volume', value: 12.345, unit: 'm3' },
        { quantity: 'volume', value: 11.5, unit: 'm3', storage: 1, at: new Date(UPLINK - 86_400_000).toISOString() },
        { quantity: 'energy', value: 1e21, unit: 'kWh', tariff: 2, register: "1.8.2 'peak' \\ night\tx" },
        { quantity: 'power', value: Number.NaN, unit: 'W' },
        { quantity: 'flow_temperature', value: -0.25, unit: 'degC', at: '1999-01-01T00:00:00Z', storage: -1, tariff: 70_000 },
      ]),
      group('d-2', [{ quantity: 'volume', value: Number.POSITIVE_INFINITY, unit: 'm3' }]),
      group('d-3', [{ quantity: 'volume', value: 0, unit: 'm3' }], { device_id: '1f8fad5b-d9cb-469f-a165-70867728950f', device_address: 'AAA:12345678', source: 'wmbus', codec: 'wmbus' }),
    ];
    const rows = emptyRows();
    rows.readings.push(...groups);
    await new TelemetryWriter(store).write(rows);

    const stored = await store.query<ReadBack>(sql`
      SELECT device_address, toString(ts) AS ts, toString(received_at) AS received_at, quantity, value, unit, storage, tariff,
             register, codec, source, deduplication_id, toString(version) AS version
      FROM readings FINAL ORDER BY deduplication_id, ts, quantity, storage`);
    const expected = groups
      .flatMap(flattenReadings)
      .map((r) => ({
        device_address: r.device_address,
        ts: text(r.ts.getTime()),
        received_at: text(r.received_at.getTime()),
        quantity: r.quantity,
        value: r.value,
        unit: r.unit,
        storage: r.storage,
        tariff: r.tariff,
        register: r.register,
        codec: r.codec,
        source: r.source,
        deduplication_id: r.deduplication_id,
        version: String(r.version),
      }))
      .sort((a, b) => a.deduplication_id.localeCompare(b.deduplication_id) || a.ts.localeCompare(b.ts) || a.quantity.localeCompare(b.quantity) || a.storage - b.storage);
    expect(stored.map((r) => ({ ...r, value: Number(r.value), storage: Number(r.storage), tariff: Number(r.tariff) }))).toEqual(expected);
    // The guards: NaN and infinities dropped, an implausible time replaced by the uplink's, out-of-range slots by 0.
    expect(expected).toHaveLength(5); // 4 of d-1, 1 of d-3
    expect(expected.find((r) => r.quantity === 'flow_temperature')).toMatchObject({ ts: text(UPLINK), storage: 0, tariff: 0 });
    expect(expected.find((r) => r.storage === 1)?.ts).toBe(text(UPLINK - 86_400_000));
    expect(await store.query(sql`SELECT count() AS n FROM readings_ingest`)).toEqual([{ n: '0' }]);
  });

  it('stores texts that need escaping in every table unchanged', async () => {
    const rows = emptyRows();
    const raw = '{"a":"tab\\there","b":"back\\\\slash","c":"line\nfeed\r"}\t\\';
    rows.uplinks.push({
      tenant_id: TENANT,
      dev_eui: '70b3d5e75e00beef',
      ts: new Date(UPLINK),
      received_at: new Date(RECEIVED),
      event: 'up',
      deduplication_id: 'u-1',
      f_cnt: 4_294_967_295,
      f_port: 255,
      payload_hex: '0aff',
      raw: Buffer.from(raw), // as ingest has it: the message's bytes
      decode_status: 'failed',
      decode_error: "BAD_LENGTH: 'x'\\y",
      codec: 'c\to',
      version: 9,
    });
    rows.uplinks.push({ ...rows.uplinks[0]!, deduplication_id: 'u-2', raw: `${raw} ✓ grüße` }); // as read back from the archive: text
    rows.uplinks.push({ ...rows.uplinks[0]!, deduplication_id: 'u-3', raw: Buffer.from('{"plain":"ümlaut ✓"}') });
    rows.device_status.push({
      tenant_id: TENANT,
      device_id: METER,
      dev_eui: '70b3d5e75e00beef',
      ts: new Date(UPLINK),
      received_at: new Date(RECEIVED),
      f_cnt: 4,
      rssi: null,
      snr: -7.5,
      gateway_count: 2,
      gateway_ids: ["g'1", 'g\\2'],
      frequency: 868_100_000,
      dr: 5,
      battery_percent: null,
      battery_voltage: 3.6,
      version: 9,
    });
    await new TelemetryWriter(store).write(rows);
    const [uplink] = await store.query<{ raw: string; decode_error: string; codec: string; f_cnt: string; ts: string }>(
      sql`SELECT raw, decode_error, codec, toString(f_cnt) AS f_cnt, toString(ts) AS ts FROM uplinks FINAL WHERE deduplication_id = 'u-1'`,
    );
    expect(uplink).toEqual({ raw, decode_error: "BAD_LENGTH: 'x'\\y", codec: 'c\to', f_cnt: '4294967295', ts: text(UPLINK) });
    const raws = await store.query<{ deduplication_id: string; raw: string }>(sql`SELECT deduplication_id, raw FROM uplinks FINAL ORDER BY deduplication_id`);
    expect(raws).toEqual([
      { deduplication_id: 'u-1', raw },
      { deduplication_id: 'u-2', raw: `${raw} ✓ grüße` },
      { deduplication_id: 'u-3', raw: '{"plain":"ümlaut ✓"}' },
    ]);
    const [status] = await store.query<{ gateway_ids: string[]; rssi: number | null; snr: number; battery_voltage: number; received_at: string }>(
      sql`SELECT gateway_ids, rssi, snr, battery_voltage, toString(received_at) AS received_at FROM device_status FINAL WHERE dev_eui = '70b3d5e75e00beef'`,
    );
    expect(status).toEqual({ gateway_ids: ["g'1", 'g\\2'], rssi: null, snr: -7.5, battery_voltage: 3.6, received_at: text(RECEIVED) });
  });
});
