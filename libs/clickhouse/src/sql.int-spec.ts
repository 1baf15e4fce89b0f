/** The escaping helper against the real ClickHouse 18.16: hostile strings must come back unchanged. */
import type { ClickHouseStore } from '@app/clickhouse';
import { ident, join, sql } from '@app/clickhouse';
import { dropThrowawayDatabase, openThrowawayStore } from '../test/clickhouse-env';
import { HOSTILE_STRINGS, VERY_LONG_STRING } from '../test/hostile-strings';

interface StringRow {
  id: number;
  s: string;
  list: string[];
  bytes: string;
}

describe('sql escaping on the ClickHouse server', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = await openThrowawayStore();
    await store.command(sql`CREATE TABLE x (id UInt8) ENGINE = Memory`);
    await store.command(sql`INSERT INTO x (id) VALUES (${1})`);
    for (const table of ['strings', 'batch']) {
      await store.command(
        sql`CREATE TABLE ${ident(table)} (id UInt32, s String, list Array(String)) ENGINE = MergeTree() ORDER BY id`,
      );
    }
  });
  afterAll(async () => {
    if (store) await dropThrowawayDatabase(store);
  });

  it('round-trips every hostile string through INSERT ... VALUES (one statement each) and SELECT', async () => {
    for (const [id, s] of HOSTILE_STRINGS.entries()) {
      await store.command(sql`INSERT INTO strings (id, s, list) VALUES (${id}, ${s}, ${[s, '', s]})`);
    }
    const rows = await store.query<StringRow>(sql`SELECT id, s, list, toString(length(s)) AS bytes FROM strings ORDER BY id`);
    expect(rows).toHaveLength(HOSTILE_STRINGS.length);
    for (const [id, s] of HOSTILE_STRINGS.entries()) {
      const row = rows[id];
      expect(row?.id).toBe(id);
      expect(row?.s === s).toBe(true);
      expect(row?.list).toEqual([s, '', s]);
      // The server stored exactly the UTF-8 bytes of the string, not a re-interpreted version.
      expect(Number(row?.bytes)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });

  it('finds each hostile string with WHERE s = literal, and only its own row', async () => {
    for (const [id, s] of HOSTILE_STRINGS.entries()) {
      const rows = await store.query<{ id: number }>(sql`SELECT id FROM strings WHERE s = ${s} ORDER BY id`);
      const expected = HOSTILE_STRINGS.flatMap((other, i) => (other === s ? [i] : []));
      expect(rows.map((row) => row.id)).toEqual(expected);
      expect(expected).toContain(id);
    }
  });

  it('returns each hostile string unchanged as a SELECT literal (the SQL parser, not the VALUES parser)', async () => {
    for (const s of HOSTILE_STRINGS) {
      const [row] = await store.query<{ s: string; n: string }>(sql`SELECT ${s} AS s, toString(length(${s})) AS n`);
      expect(row?.s === s).toBe(true);
      expect(Number(row?.n)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });

  it('inserts all hostile strings in one multi-row VALUES statement built with join', async () => {
    const tuples = HOSTILE_STRINGS.map((s, id) => sql`(${id}, ${s}, ${[s]})`);
    await store.command(sql`INSERT INTO batch (id, s, list) VALUES ${join(tuples)}`);
    const rows = await store.query<StringRow>(sql`SELECT id, s, list FROM batch ORDER BY id`);
    expect(rows.map((row) => row.s)).toEqual([...HOSTILE_STRINGS]);
    expect(rows.map((row) => row.list[0])).toEqual([...HOSTILE_STRINGS]);
  });

  it('round-trips a string of about a megabyte through INSERT ... VALUES', async () => {
    await store.command(sql`INSERT INTO strings (id, s, list) VALUES (${100_000}, ${VERY_LONG_STRING}, ${[]})`);
    const [row] = await store.query<{ s: string }>(sql`SELECT s FROM strings WHERE id = ${100_000}`);
    expect(row?.s.length).toBe(VERY_LONG_STRING.length);
    expect(row?.s === VERY_LONG_STRING).toBe(true);
  });

  it('left the table named in the injection attempt alone', async () => {
    const [row] = await store.query<{ n: string }>(sql`SELECT toString(count()) AS n FROM x`);
    expect(row?.n).toBe('1');
  });

  it('renders numbers, bigints, booleans, null, dates and arrays the server reads back exactly', async () => {
    const date = new Date('2024-02-29T23:59:59.750Z');
    const [row] = await store.query<Record<string, unknown>>(sql`SELECT
        ${-42} AS neg, ${1.5e-7} AS small, ${1e21} AS big,
        toString(${18446744073709551615n}) AS u64max, toString(${-9223372036854775808n}) AS i64min,
        ${true} AS yes, ${false} AS no, isNull(${null}) AS nothing,
        toString(${date}) AS ts, toUnixTimestamp(${date}) AS epoch,
        ${[1, 2, 3]} AS ints, ${[['a', "b'"], []]} AS nested, 10-${-5} AS minus`);
    expect(row).toEqual({
      neg: -42,
      small: 1.5e-7,
      big: 1e21,
      u64max: '18446744073709551615',
      i64min: '-9223372036854775808',
      yes: 1,
      no: 0,
      nothing: 1,
      ts: '2024-02-29 23:59:59',
      epoch: Math.floor(date.getTime() / 1000),
      ints: [1, 2, 3],
      nested: [['a', "b'"], []],
      minus: 15,
    });
  });
});
