/** ClickHouseStore against the real server: queries, inserts, errors thrown, health probe. */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { ClickHouseStore, ClickHouseStoreError, SqlValueError, ident, sql, versionAtLeast } from '@app/clickhouse';
import { dropThrowawayDatabase, openThrowawayStore, testConfig, throwawayDatabaseName } from '../test/clickhouse-env';
import { HOSTILE_STRINGS } from '../test/hostile-strings';

describe('ClickHouseStore', () => {
  let store: ClickHouseStore;

  beforeAll(async () => {
    store = await openThrowawayStore();
  });
  afterAll(async () => {
    if (store) await dropThrowawayDatabase(store);
  });

  it('reports the server version as numbers', async () => {
    const version = await store.serverVersion();
    const [row] = await store.query<{ v: string }>(sql`SELECT version() AS v`);
    expect(version.text).toBe(row?.v);
    expect(`${version.major}.${version.minor}`).toBe(row?.v.split('.').slice(0, 2).join('.'));
    expect(versionAtLeast(version, 18, 16)).toBe(true);
    expect(versionAtLeast(version, version.major + 1, 0)).toBe(false);
  });

  it('pings', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('runs statements in the configured database', async () => {
    const [row] = await store.query<{ db: string }>(sql`SELECT currentDatabase() AS db`);
    expect(row?.db).toBe(store.database);
  });

  it('inserts JSONEachRow batches and reads them back: strings, dates, UInt64, Nullable, arrays', async () => {
    await store.command(sql`CREATE TABLE ${ident('rows')} (
        id UInt32, s String, ts DateTime('UTC'), big UInt64, maybe Nullable(Float64), tags Array(String)
      ) ENGINE = MergeTree() ORDER BY id`);
    const ts = new Date('2024-03-31T22:59:59.900Z');
    await store.insert(
      'rows',
      HOSTILE_STRINGS.map((s, id) => ({ id, s, ts, big: 18446744073709551615n, maybe: id % 2 ? null : id / 4, tags: [s, 'x'] })),
    );
    const rows = await store.query<{ id: number; s: string; ts: string; big: string; maybe: number | null; tags: string[] }>(
      sql`SELECT id, s, ts, big, maybe, tags FROM rows ORDER BY id`,
    );
    expect(rows).toHaveLength(HOSTILE_STRINGS.length);
    for (const [id, s] of HOSTILE_STRINGS.entries()) {
      const row = rows[id];
      expect(row?.s === s).toBe(true);
      expect(row?.tags).toEqual([s, 'x']);
      expect(row?.ts).toBe('2024-03-31 22:59:59');
      expect(row?.big).toBe('18446744073709551615');
      expect(row?.maybe).toBe(id % 2 ? null : id / 4);
    }
  });

  it('inserts into a database-qualified table and does nothing for an empty batch', async () => {
    await store.command(sql`CREATE TABLE ${ident('q')} (id UInt8) ENGINE = Memory`);
    await store.insert(`${store.database}.q`, [{ id: 7 }]);
    await store.insert('q', []);
    expect(await store.query(sql`SELECT id FROM q`)).toEqual([{ id: 7 }]);
  });

  it('refuses a bad table name or value before sending anything', async () => {
    await expect(store.insert('q; DROP TABLE q', [{ id: 1 }])).rejects.toBeInstanceOf(SqlValueError);
    await expect(store.insert('q', [{ id: NaN }])).rejects.toBeInstanceOf(SqlValueError);
  });

  it('throws server errors with their code instead of returning nothing', async () => {
    const missing = store.query(sql`SELECT * FROM ${ident('no_such_table')}`);
    await expect(missing).rejects.toBeInstanceOf(ClickHouseStoreError);
    await expect(missing).rejects.toMatchObject({ operation: 'query', serverCode: 60 });
    await expect(store.command(sql`CREATE TABLE broken (`)).rejects.toMatchObject({ operation: 'command', serverCode: 62 });
    await expect(store.insert('no_such_table', [{ id: 1 }])).rejects.toMatchObject({ operation: 'insert' });
  });

  it('creates its database when missing, and again without complaint', async () => {
    const other = new ClickHouseStore(testConfig(throwawayDatabaseName()));
    try {
      await expect(other.query(sql`SELECT 1 AS one`)).rejects.toMatchObject({ serverCode: 81 });
      await other.ensureDatabase();
      await other.ensureDatabase();
      expect(await other.query(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await dropThrowawayDatabase(other);
    }
  });

  describe('probe', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    let silentPort = 0;

    beforeAll(async () => {
      // Accepts connections and never answers: a hung server.
      silent = createServer((socket) => {
        socket.on('error', () => undefined);
        socket.resume(); // read (and drop) the request, so the client's close is seen
        sockets.push(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      silentPort = typeof address === 'object' && address ? address.port : 0;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('reports up with a latency', async () => {
      const health = await store.probe();
      expect(health.status).toBe('up');
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
      expect(health.detail).toBeUndefined();
    });

    it('reports down with the reason for a wrong port, without throwing', async () => {
      const wrong = new ClickHouseStore(testConfig(store.database, { url: 'http://127.0.0.1:1' }));
      try {
        const health = await wrong.probe(2000);
        expect(health.status).toBe('down');
        expect(health.detail).toMatch(/ECONNREFUSED/);
      } finally {
        await wrong.close();
      }
    });

    it('reports down for a database that does not exist', async () => {
      const missing = new ClickHouseStore(testConfig(throwawayDatabaseName()));
      try {
        const health = await missing.probe();
        expect(health.status).toBe('down');
        expect(health.detail).toMatch(/Database .* doesn't exist|UNKNOWN_DATABASE/);
      } finally {
        await missing.close();
      }
    });

    it('gives up after its timeout on a server that never answers', async () => {
      const hung = new ClickHouseStore(testConfig(store.database, { url: `http://127.0.0.1:${silentPort}` }));
      try {
        const started = Date.now();
        const health = await hung.probe(300);
        expect(health.status).toBe('down');
        expect(health.detail).toMatch(/no answer within 300 ms/);
        expect(Date.now() - started).toBeLessThan(2000);
        // The abandoned request was cancelled: the hung server sees its connection closed.
        expect(sockets.length).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(sockets.every((socket) => socket.destroyed)).toBe(true);
      } finally {
        await hung.close();
      }
    });

    it('never shows the password in its detail', async () => {
      const secret = 'S3cr3t-p@ss';
      const wrong = new ClickHouseStore(testConfig(store.database, { username: 'default', password: secret }));
      try {
        const health = await wrong.probe();
        expect(health.status).toBe('down');
        expect(health.detail).toBeTruthy();
        expect(health.detail).not.toContain(secret);
      } finally {
        await wrong.close();
      }
    });
  });
});
