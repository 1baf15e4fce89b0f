/**
 * Compatibility with current ClickHouse releases, through chdb (embedded ClickHouse, a temp directory):
 * the platform migrations, every catalog query, the hostile-string round-trip, JSONEachRow rows and TsvBuilder bodies
 * must be accepted here as well as by the 18.16 server (the other *.int-spec.ts files).
 */
import { join } from 'node:path';
import { Session } from 'chdb';
import {
  CLICKHOUSE_QUERY_CATALOG,
  encodeRow,
  ident,
  join as joinSql,
  loadMigrationFiles,
  parseServerVersion,
  runClickHouseMigrations,
  sql,
  TsvBuilder,
  versionAtLeast,
} from '@app/clickhouse';
import type { ServerVersion } from '@app/clickhouse';
import { ChdbTarget, parseJsonEachRow } from '../test/chdb-target';
import { HOSTILE_STRINGS, VERY_LONG_STRING } from '../test/hostile-strings';
import { TSV_HOSTILE_STRINGS } from '../test/tsv-strings';

const PLATFORM_MIGRATIONS = join(__dirname, '..', 'migrations');

describe('compatibility with a current ClickHouse (chdb)', () => {
  let session: Session;
  let version: ServerVersion;

  beforeAll(async () => {
    session = new Session();
    version = await new ChdbTarget(session, 'default').serverVersion();
  });
  afterAll(() => session?.cleanup());

  it('is a release newer than every version gate of the platform migrations', () => {
    for (const file of loadMigrationFiles(PLATFORM_MIGRATIONS)) {
      if (file.requires) expect(versionAtLeast(version, file.requires.major, file.requires.minor)).toBe(true);
    }
  });

  describe('platform migrations', () => {
    it('apply every statement of every file, gated ones included, and nothing on a second run', async () => {
      const target = new ChdbTarget(session, 'platform');
      const files = loadMigrationFiles(PLATFORM_MIGRATIONS);
      const report = await runClickHouseMigrations(target, PLATFORM_MIGRATIONS);
      expect(report.applied).toEqual(files.map((file) => file.name));
      expect(report.skipped).toEqual([]);
      for (const statement of files.flatMap((file) => file.statements)) expect(target.sent).toContain(statement);

      const again = await runClickHouseMigrations(target, PLATFORM_MIGRATIONS);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toEqual(report.applied);

      const codecs = await target.query<{ table: string; name: string; compression_codec: string }>(
        sql`SELECT table, name, compression_codec FROM system.columns
            WHERE database = ${'platform'} AND compression_codec != '' ORDER BY table, name`,
      );
      expect(codecs.map((c) => `${c.table}.${c.name}`)).toEqual(['readings.value', 'uplinks.raw']);
      expect(codecs.find((c) => c.name === 'raw')?.compression_codec).toMatch(/ZSTD\(3\)/);
    });

    it('record a gated file as skipped on an "18.16" server and apply it after the upgrade', async () => {
      const real = new ChdbTarget(session, 'upgrade');
      const old = {
        database: real.database,
        command: real.command.bind(real),
        query: real.query.bind(real),
        ensureDatabase: real.ensureDatabase.bind(real),
        serverVersion: async () => parseServerVersion('18.16.1'),
      };
      const before = await runClickHouseMigrations(old, PLATFORM_MIGRATIONS);
      expect(before.applied).toEqual(['0001_telemetry.sql', '0003_ingest_stores.sql', '0004_readings_ingest.sql']);
      expect(before.skipped).toEqual(['0002_telemetry_codecs.sql']);
      const after = await runClickHouseMigrations(real, PLATFORM_MIGRATIONS);
      expect(after.applied).toEqual(['0002_telemetry_codecs.sql']);
      expect(after.alreadyApplied).toEqual(['0001_telemetry.sql', '0003_ingest_stores.sql', '0004_readings_ingest.sql']);
      const state = await real.query<{ name: string; last_status: string }>(
        sql`SELECT name, toString(argMax(status, seq)) AS last_status FROM schema_migrations GROUP BY name ORDER BY name`,
      );
      expect(state).toEqual([
        { name: '0001_telemetry.sql', last_status: 'applied' },
        { name: '0002_telemetry_codecs.sql', last_status: 'applied' },
        { name: '0003_ingest_stores.sql', last_status: 'applied' },
        { name: '0004_readings_ingest.sql', last_status: 'applied' },
      ]);
    });

    it('take JSONEachRow rows encoded the way ClickHouseStore.insert sends them', async () => {
      const target = new ChdbTarget(session, 'platform');
      const ts = new Date('2024-05-01T10:20:30.400Z');
      const base = {
        tenant_id: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77',
        device_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        device_address: '70b3d5e75e001234',
        ts,
        received_at: ts,
        quantity: 'volume',
        unit: 'm3',
        storage: 0,
        tariff: 0,
        register: "1.8.0 'quoted' \\",
        codec: 'x/y',
        source: 'lorawan',
        deduplication_id: 'd1',
      };
      const body = [
        { ...base, value: 1.25, version: 1n },
        { ...base, value: 1.5, version: 2n },
      ]
        .map((row) => JSON.stringify(encodeRow(row)))
        .join('\n');
      target.exec(`INSERT INTO readings FORMAT JSONEachRow\n${body}`);
      const rows = await target.query<{ ts: string; value: number; register: string }>(
        sql`SELECT toString(ts) AS ts, value, register FROM readings FINAL`,
      );
      expect(rows).toEqual([{ ts: '2024-05-01 10:20:30', value: 1.5, register: base.register }]);
    });

    it('expand a readings_ingest row (TabSeparated, arrays per measurement field) into readings rows through its view', async () => {
      const target = new ChdbTarget(session, 'platform');
      const line = [
        '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77',
        '1f8fad5b-d9cb-469f-a165-70867728950e',
        '70b3d5e75e001234',
        '2024-05-02 00:00:05',
        'x/y',
        'lorawan',
        'd2',
        '3',
        "['2024-05-02 00:00:00','2024-05-01 00:00:00']",
        "['volume','volume']",
        '[7.5,6.25]',
        "['m3','m3']",
        '[0,1]',
        '[0,0]',
        "['a\\'b','']",
      ].join('\t');
      target.exec(
        `INSERT INTO readings_ingest (tenant_id, device_id, device_address, received_at, codec, source, deduplication_id, version, m_ts, m_quantity, m_value, m_unit, m_storage, m_tariff, m_register) FORMAT TabSeparated\n${line}\n`,
      );
      const rows = await target.query<{ ts: string; value: number; storage: number; register: string; received: string }>(
        sql`SELECT toString(ts) AS ts, value, storage, register, toString(received_at) AS received FROM readings FINAL
            WHERE deduplication_id = 'd2' ORDER BY ts`,
      );
      expect(rows).toEqual([
        { ts: '2024-05-01 00:00:00', value: 6.25, storage: 1, register: '', received: '2024-05-02 00:00:05' },
        { ts: '2024-05-02 00:00:00', value: 7.5, storage: 0, register: "a'b", received: '2024-05-02 00:00:05' },
      ]);
      const [kept] = await target.query<{ n: string | number }>(sql`SELECT count() AS n FROM readings_ingest`);
      expect(Number(kept?.n)).toBe(0); // the Null table keeps nothing
    });
  });

  describe('query catalog', () => {
    const target = (): ChdbTarget => new ChdbTarget(session, 'catalog');

    beforeAll(async () => {
      await target().ensureDatabase();
    });

    it.each(CLICKHOUSE_QUERY_CATALOG.map((entry) => [entry.name, entry] as const))('%s runs', async (_name, entry) => {
      const statement = entry.build();
      const output = target().exec(statement.text);
      if (/^\s*(SELECT|WITH)\b/i.test(statement.text)) expect(Array.isArray(parseJsonEachRow(output))).toBe(true);
    });

    it('read back what the catalog recorded, exactly', async () => {
      const rows = await target().query(
        sql`SELECT name, toString(status) AS status_text, server_version, requires, toString(applied_at) AS at FROM schema_migrations`,
      );
      expect(rows).toEqual([
        { name: "0001_it's \\ a test.sql", status_text: 'skipped', server_version: '18.16.1', requires: '20.3', at: '2024-02-29 23:59:59' },
      ]);
    });
  });

  describe('hostile strings', () => {
    let target: ChdbTarget;

    beforeAll(async () => {
      target = new ChdbTarget(session, 'strings');
      await target.ensureDatabase();
      await target.command(sql`CREATE TABLE x (id UInt8) ENGINE = Memory`);
      await target.command(sql`INSERT INTO x (id) VALUES (${1})`);
      await target.command(
        sql`CREATE TABLE ${ident('strings')} (id UInt32, s String, list Array(String)) ENGINE = MergeTree() ORDER BY id`,
      );
    });

    it('round-trip through INSERT ... VALUES and SELECT, one statement each and all in one', async () => {
      for (const [id, s] of HOSTILE_STRINGS.entries()) {
        await target.command(sql`INSERT INTO strings (id, s, list) VALUES (${id}, ${s}, ${[s]})`);
      }
      const offset = HOSTILE_STRINGS.length;
      await target.command(
        sql`INSERT INTO strings (id, s, list) VALUES ${joinSql(HOSTILE_STRINGS.map((s, i) => sql`(${offset + i}, ${s}, ${[]})`))}`,
      );
      const rows = await target.query<{ id: number; s: string; list: string[]; bytes: string }>(
        sql`SELECT id, s, list, toString(length(s)) AS bytes FROM strings ORDER BY id`,
      );
      const expected = [...HOSTILE_STRINGS, ...HOSTILE_STRINGS];
      expect(rows).toHaveLength(expected.length);
      for (const [i, s] of expected.entries()) {
        expect(rows[i]?.s === s).toBe(true);
        expect(Number(rows[i]?.bytes)).toBe(Buffer.byteLength(s, 'utf8'));
      }
      expect(rows.slice(0, offset).map((row) => row.list[0])).toEqual([...HOSTILE_STRINGS]);
    });

    it('match with WHERE and come back unchanged as SELECT literals', async () => {
      for (const s of HOSTILE_STRINGS) {
        // (An alias named like the column would shadow it in WHERE: ClickHouse resolves aliases there.)
        const [row] = await target.query<{ lit: string; n: string }>(
          sql`SELECT ${s} AS lit, toString(count()) AS n FROM strings WHERE s = ${s}`,
        );
        expect(row?.lit === s).toBe(true);
        expect(Number(row?.n)).toBe(2 * HOSTILE_STRINGS.filter((other) => other === s).length);
      }
    });

    it('round-trip a string of about a megabyte', async () => {
      await target.command(sql`INSERT INTO strings (id, s, list) VALUES (${1_000_000}, ${VERY_LONG_STRING}, ${[]})`);
      const [row] = await target.query<{ s: string }>(sql`SELECT s FROM strings WHERE id = ${1_000_000}`);
      expect(row?.s === VERY_LONG_STRING).toBe(true);
    });

    it('left the table named in the injection attempt alone', async () => {
      expect(await target.query(sql`SELECT id FROM x`)).toEqual([{ id: 1 }]);
    });
  });

  describe('TabSeparated bodies (TsvBuilder, as ClickHouseStore.insertTsv sends them)', () => {
    interface Row {
      id: number;
      s: string;
      maybe: number | null;
      f: number;
      big: bigint;
      ts: Date;
      tags: string[];
      uid: string;
    }
    let target: ChdbTarget;
    /**
     * chdb takes the query text as a C string, so a raw NUL ends the body there (ClickHouse over HTTP reads it as
     * data: the 18.16 test sends these too). The TSV bodies here leave those strings out.
     */
    const strings = TSV_HOSTILE_STRINGS.filter((s) => !s.includes('\0'));

    /** `INSERT INTO t (columns) FORMAT TabSeparated` and the body, the statement insertTsv sends. */
    function insertTsv(columns: readonly string[], body: string): void {
      const head = sql`INSERT INTO ${ident('t')} (${joinSql(columns.map((column) => ident(column)))}) FORMAT TabSeparated`;
      target.exec(`${head.text}\n${body}`);
    }

    beforeAll(async () => {
      target = new ChdbTarget(session, 'tsv');
      await target.ensureDatabase();
      await target.command(sql`CREATE TABLE ${ident('t')} (
          id UInt32, s String, maybe Nullable(Int16), f Float64, big UInt64, ts DateTime('UTC'), tags Array(String), uid UUID,
          note String DEFAULT 'default note'
        ) ENGINE = MergeTree() ORDER BY id`);
    });

    it('round-trip hostile strings and every column type', async () => {
      const rows: Row[] = strings.map((s, id) => ({
        id,
        s,
        maybe: id % 3 === 0 ? null : -32768 + id,
        f: id % 2 ? -1.5e-7 * id : 1e21 + id,
        big: 18446744073709551615n - BigInt(id),
        ts: new Date(Date.UTC(2024, 2, 31, 22, 59, 59, 900) + id * 1000),
        tags: id % 2 ? [] : ['gw-1', `gw ${id}`],
        uid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
      }));
      expect(rows.length).toBeGreaterThan(40);
      const builder = new TsvBuilder<Row>(['id', 's', 'maybe', 'f', 'big', 'ts', 'tags', 'uid']);
      for (const row of rows) builder.add(row);
      insertTsv(builder.columns, builder.text());
      const read = await target.query<{ s: string; maybe: number | null; f: number; big: string; ts: string; tags: string[]; uid: string }>(
        sql`SELECT s, maybe, f, toString(big) AS big, toString(ts) AS ts, tags, toString(uid) AS uid FROM t WHERE id < ${100_000} ORDER BY id`,
      );
      expect(read).toHaveLength(rows.length);
      for (const [i, row] of rows.entries()) {
        const back = read[i];
        expect(back?.s === row.s).toBe(true);
        expect(back?.maybe).toBe(row.maybe);
        expect(back?.f).toBe(row.f);
        expect(back?.big).toBe(row.big.toString());
        expect(back?.ts).toBe(new Date(Math.floor(row.ts.getTime() / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '));
        expect(back?.tags).toEqual(row.tags);
        expect(back?.uid).toBe(row.uid);
      }
    });

    it('round-trip hostile strings inside Array(String)', async () => {
      const builder = new TsvBuilder<Pick<Row, 'id' | 'tags'>>(['id', 'tags']);
      for (const [i, s] of strings.entries()) builder.add({ id: 300_000 + i, tags: [s, "it's", 'x\\', ''] });
      insertTsv(builder.columns, builder.text());
      const read = await target.query<{ tags: string[] }>(sql`SELECT tags FROM t WHERE id >= ${300_000} ORDER BY id`);
      expect(read.map((row) => row.tags)).toEqual(strings.map((s) => [s, "it's", 'x\\', '']));
    });

    it('take a column subset, the others getting their defaults', async () => {
      const builder = new TsvBuilder<Pick<Row, 'id' | 's' | 'maybe'>>(['s', 'id', 'maybe']);
      builder.add({ id: 100_000, s: '\\N', maybe: null });
      insertTsv(builder.columns, builder.text());
      const rows = await target.query(
        sql`SELECT s, maybe, f, toString(big) AS big, toString(ts) AS ts, tags, toString(uid) AS uid, note FROM t WHERE id = ${100_000}`,
      );
      expect(rows).toEqual([
        { s: '\\N', maybe: null, f: 0, big: '0', ts: '1970-01-01 00:00:00', tags: [], uid: '00000000-0000-0000-0000-000000000000', note: 'default note' },
      ]);
    });
  });
});
