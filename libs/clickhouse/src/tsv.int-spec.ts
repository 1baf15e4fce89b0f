/** TabSeparated inserts (TsvBuilder + ClickHouseStore.insertTsv) against the real 18.16 server: values come back equal. */
import { randomUUID } from 'node:crypto';
import { ClickHouseStoreError, SqlValueError, TsvBuilder, ident, sql } from '@app/clickhouse';
import type { ClickHouseStore } from '@app/clickhouse';
import { dropThrowawayDatabase, openThrowawayStore } from '../test/clickhouse-env';
import { TSV_HOSTILE_STRINGS } from '../test/tsv-strings';

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
const COLUMNS = ['id', 's', 'maybe', 'f', 'big', 'ts', 'tags', 'uid'] as const;

interface ReadRow {
  id: number;
  s: string;
  maybe: number | null;
  f: number;
  big: string;
  ts: string;
  tags: string[];
  uid: string;
}

describe('TabSeparated inserts (TsvBuilder + insertTsv)', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = await openThrowawayStore();
    await store.command(sql`CREATE TABLE ${ident('t')} (
        id UInt32, s String, maybe Nullable(Int16), f Float64, big UInt64, ts DateTime('UTC'), tags Array(String), uid UUID,
        note String DEFAULT 'default note', n UInt8 DEFAULT 7
      ) ENGINE = MergeTree() ORDER BY id`);
  });
  afterAll(async () => {
    if (store) await dropThrowawayDatabase(store);
  });

  it('round-trips hostile strings and every column type', async () => {
    const rows: Row[] = TSV_HOSTILE_STRINGS.map((s, id) => ({
      id,
      s,
      maybe: id % 3 === 0 ? null : id % 2 ? -32768 + id : 32767 - id,
      f: id % 2 ? -1.5e-7 * id : 1e21 + id,
      big: 18446744073709551615n - BigInt(id),
      ts: new Date(Date.UTC(2024, 2, 31, 22, 59, 59, 900) + id * 1000),
      tags: id % 2 ? [] : ['gw-1', `gw ${id}`],
      uid: randomUUID(),
    }));
    const builder = new TsvBuilder<Row>([...COLUMNS]);
    for (const row of rows) builder.add(row);
    await store.insertTsv('t', COLUMNS, builder.text());

    const read = await store.query<ReadRow>(sql`SELECT id, s, maybe, f, big, toString(ts) AS ts, tags, toString(uid) AS uid FROM t ORDER BY id`);
    expect(read).toHaveLength(rows.length);
    for (const [i, row] of rows.entries()) {
      const back = read[i] as ReadRow;
      expect(back.id).toBe(row.id);
      // (toBe on 70 KB strings would print both on failure; compare first, show a prefix.)
      if (back.s !== row.s) expect(JSON.stringify(back.s).slice(0, 300)).toBe(JSON.stringify(row.s).slice(0, 300));
      expect(back.s === row.s).toBe(true);
      expect(back.tags).toEqual(row.tags);
      expect(back.maybe).toBe(row.maybe);
      expect(back.f).toBe(row.f);
      expect(back.big).toBe(row.big.toString());
      expect(back.ts).toBe(new Date(Math.floor(row.ts.getTime() / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '));
      expect(back.uid).toBe(row.uid);
    }
    const [bytes] = await store.query<{ total: string }>(sql`SELECT toString(sum(length(s))) AS total FROM t`);
    expect(Number(bytes?.total)).toBe(rows.reduce((sum, row) => sum + Buffer.byteLength(row.s, 'utf8'), 0));
  });

  it('round-trips hostile strings inside Array(String)', async () => {
    const builder = new TsvBuilder<Pick<Row, 'id' | 'tags'>>(['id', 'tags']);
    for (const [i, s] of TSV_HOSTILE_STRINGS.entries()) builder.add({ id: 300_000 + i, tags: [s, "it's", 'x\\', ''] });
    await store.insertTsv('t', builder.columns, builder.text());
    const read = await store.query<{ tags: string[] }>(sql`SELECT tags FROM t WHERE id >= ${300_000} ORDER BY id`);
    expect(read.map((row) => row.tags)).toEqual(TSV_HOSTILE_STRINGS.map((s) => [s, "it's", 'x\\', '']));
  });

  it('keeps "\\N" text apart from NULL', async () => {
    const builder = new TsvBuilder<Pick<Row, 'id' | 's' | 'maybe' | 'tags'>>(['id', 's', 'maybe', 'tags']);
    builder.add({ id: 200_000, s: '\\N', maybe: null, tags: ['N'] });
    builder.add({ id: 200_001, s: '\\N', maybe: 5, tags: [] });
    await store.insertTsv('t', builder.columns, builder.text());
    const rows = await store.query<{ s: string; is_null: number; tags: string[] }>(
      sql`SELECT s, isNull(maybe) AS is_null, tags FROM t WHERE id >= ${200_000} AND id < ${300_000} ORDER BY id`,
    );
    expect(rows).toEqual([
      { s: '\\N', is_null: 1, tags: ['N'] },
      { s: '\\N', is_null: 0, tags: [] },
    ]);
  });

  it('inserts a column subset: the others take their defaults', async () => {
    const builder = new TsvBuilder<Pick<Row, 'id' | 's' | 'ts'>>(['ts', 'id', 's']);
    builder.add({ id: 100_000, s: 'subset\tonly', ts: new Date('2030-06-15T12:00:00Z') });
    await store.insertTsv(`${store.database}.t`, builder.columns, builder.text());
    const [row] = await store.query(
      sql`SELECT s, maybe, f, big, toString(ts) AS ts, tags, toString(uid) AS uid, note, n FROM t WHERE id = ${100_000}`,
    );
    expect(row).toEqual({
      s: 'subset\tonly',
      maybe: null,
      f: 0,
      big: '0',
      ts: '2030-06-15 12:00:00',
      tags: [],
      uid: '00000000-0000-0000-0000-000000000000',
      note: 'default note',
      n: 7,
    });
  });

  it('sends nothing for an empty body', async () => {
    await store.insertTsv('no_such_table', ['id'], new TsvBuilder<{ id: number }>(['id']).text());
  });

  it('refuses a bad column or table name before sending, and an unknown column with the server error', async () => {
    const body = '1\n';
    await expect(store.insertTsv('t', ['id; DROP TABLE t'], body)).rejects.toMatchObject({ code: 'invalid_identifier' });
    await expect(store.insertTsv('t', ['id', 'no such'], body)).rejects.toBeInstanceOf(SqlValueError);
    await expect(store.insertTsv('t; DROP TABLE t', ['id'], body)).rejects.toBeInstanceOf(SqlValueError);
    await expect(store.insertTsv('t', [], body)).rejects.toBeInstanceOf(SqlValueError);
    const unknown = store.insertTsv('t', ['id', 'no_such_column'], '1\tx\n');
    await expect(unknown).rejects.toBeInstanceOf(ClickHouseStoreError);
    await expect(unknown).rejects.toMatchObject({ operation: 'insert', serverCode: 16 });
    await expect(store.insertTsv('no_such_table', ['id'], body)).rejects.toMatchObject({ operation: 'insert', serverCode: 60 });
    // Nothing of the refused inserts arrived.
    const [count] = await store.query<{ n: string }>(sql`SELECT toString(count()) AS n FROM t WHERE id = ${1} AND s = ${''}`);
    expect(count?.n).toBe('0');
  });
});
