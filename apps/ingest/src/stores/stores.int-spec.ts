import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { Session } from 'chdb';
import { encodeRow, ident, runClickHouseMigrations } from '@app/clickhouse';
import type { InsertRow } from '@app/clickhouse';
import { createValidationPipe, runWithContext } from '@app/common';
import { DomainError } from '@app/contracts';
import type { Actor, DeadLetter, Permission, UnassignedUplink } from '@app/contracts';
import { ChdbTarget } from '../../../../libs/clickhouse/test/chdb-target';
import { dropThrowawayDatabase, openThrowawayStore } from '../../../../libs/clickhouse/test/clickhouse-env';
import type { ClickHouseReader } from './clickhouse-reader';
import { DeadLettersReader, NOBODY } from './dead-letters.reader';
import { DeadLetterCountsDto, ListDeadLettersDto } from './dto/dead-letters.dto';
import { ListUnassignedDto } from './dto/unassigned.dto';
import { encodeCursor } from './keyset-cursor';
import { StoresRpc } from './stores.rpc';
import { UnassignedReader } from './unassigned.reader';

jest.setTimeout(60_000);

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'libs', 'clickhouse', 'migrations');
const T = Date.parse('2024-05-01T12:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);
const b64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');

const tenantA = randomUUID();
const tenantB = randomUUID();
const actor = (permissions: Permission[], tenantId = randomUUID()): Actor => ({ kind: 'user', id: randomUUID(), tenantId, roles: [], permissions });
const platformAdmin = actor(['platform:diagnostics']);
const operatorOfA = actor(['devices:read'], tenantA);
const billingOfA = actor(['billing:read'], tenantA);

interface DeadLetterSeed {
  tenant: string;
  id: string;
  second: number;
  code: string;
  devEui?: string;
  raw?: Buffer | string;
  message?: string;
  version?: number;
}

function deadLetterRow(seed: DeadLetterSeed) {
  return {
    tenant_id: seed.tenant,
    id: seed.id,
    received_at: at(seed.second),
    topic: seed.devEui ? `application/${NOBODY}/device/${seed.devEui}/event/up` : 'gateway/0016c001f153a14c/event/up',
    dev_eui: seed.devEui ?? '',
    event: seed.devEui ? 'up' : '',
    code: seed.code,
    field: seed.code === 'CODEC_REJECTED' ? 'data' : 'payload',
    message: seed.message ?? `${seed.code} ${seed.id}`,
    raw_base64: b64(seed.raw ?? `{"id":"${seed.id}"}`),
    version: BigInt(seed.version ?? 1),
  };
}

const DEV = (n: number) => `70b3d5e75e0000${n.toString(16).padStart(2, '0')}`;

/** Seven distinct dead letters; four share one second (ties broken by tenant and id, across page boundaries). */
const DEAD_LETTERS: DeadLetterSeed[] = [
  { tenant: NOBODY, id: 'n1', second: 0, code: 'NOT_AN_EVENT_TOPIC' },
  { tenant: NOBODY, id: 'n2', second: 10, code: 'MALFORMED_JSON', devEui: DEV(1), raw: Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3]) },
  { tenant: tenantA, id: 'a1', second: 10, code: 'CODEC_REJECTED', devEui: DEV(2), message: 'first delivery' },
  { tenant: tenantA, id: 'a2', second: 10, code: 'CODEC_REJECTED', devEui: DEV(2), raw: 'grüße ✓' },
  { tenant: tenantA, id: 'a3', second: 20, code: 'CODEC_REJECTED', devEui: DEV(3) },
  { tenant: tenantB, id: 'b1', second: 10, code: 'CODEC_REJECTED', devEui: DEV(4) },
  { tenant: tenantB, id: 'b2', second: 30, code: 'WRONG_TYPE', devEui: DEV(4) },
];
/** A redelivery of a1 with a higher version, in its own insert (its own part): FINAL keeps only this one. */
const REDELIVERED_A1: DeadLetterSeed = { tenant: tenantA, id: 'a1', second: 15, code: 'CODEC_REJECTED', devEui: DEV(2), message: 'second delivery', version: 2 };

interface UplinkSeed {
  dev: string;
  dedup: string;
  second: number;
  assigned?: number;
  version?: number;
  reason?: string;
}

function uplinkRow(seed: UplinkSeed) {
  return {
    dev_eui: seed.dev,
    application_id: 'a0b1c2d3-0000-4000-8000-000000000001',
    ts: at(seed.second),
    received_at: at(seed.second + 1),
    event: 'up',
    deduplication_id: seed.dedup,
    f_cnt: seed.second,
    f_port: 2,
    payload_hex: '0102ff',
    topic: `application/a0b1c2d3-0000-4000-8000-000000000001/device/${seed.dev}/event/up`,
    raw: '{}',
    reason: seed.reason ?? 'unknown',
    assigned: seed.assigned ?? 0,
    version: BigInt(seed.version ?? 1),
  };
}

const X = DEV(0x10);
const Y = DEV(0x11);
const Z = DEV(0x12);
const UPLINKS: UplinkSeed[] = [
  { dev: X, dedup: 'x1', second: 0 },
  { dev: X, dedup: 'x2', second: 60 },
  { dev: X, dedup: 'x3', second: 60, reason: 'archived' },
  { dev: X, dedup: 'x4', second: 120 },
  { dev: Y, dedup: 'y1', second: 60, reason: 'ambiguous' },
  { dev: Y, dedup: 'y2', second: 180 },
  { dev: Z, dedup: 'z1', second: 240 },
];
/** Decoded after their device was registered: the replacing copies (assigned = 1, higher version). */
const ASSIGNED: UplinkSeed[] = [
  { dev: X, dedup: 'x4', second: 120, assigned: 1, version: 2 },
  { dev: Z, dedup: 'z1', second: 240, assigned: 1, version: 2 },
];

/** A database with the platform migrations applied: rows go in as JSONEachRow, the readers SELECT. */
interface Engine {
  reader: ClickHouseReader;
  insert(table: string, rows: InsertRow[]): Promise<void>;
  close(): Promise<void>;
}

const ENGINES: Array<[string, () => Promise<Engine>]> = [
  [
    'the ClickHouse 18.16 server',
    async () => {
      const store = await openThrowawayStore();
      await runClickHouseMigrations(store, MIGRATIONS);
      return { reader: store, insert: (table, rows) => store.insert(table, rows), close: () => dropThrowawayDatabase(store) };
    },
  ],
  [
    'a current ClickHouse release (chdb)',
    async () => {
      const session = new Session();
      const target = new ChdbTarget(session, 'ingest_stores');
      await runClickHouseMigrations(target, MIGRATIONS);
      return {
        reader: target,
        insert: async (table, rows) => {
          target.exec(`INSERT INTO ${ident(table).text} FORMAT JSONEachRow\n${rows.map((row) => JSON.stringify(encodeRow(row))).join('\n')}`);
        },
        close: async () => session.cleanup(),
      };
    },
  ],
];

describe.each(ENGINES)('ingest stores read side: RPC handlers on %s', (_name, open) => {
  let engine: Engine | undefined;
  let rpc: StoresRpc;
  const pipe = createValidationPipe();

  /** Runs a handler as the gateway would reach it: the payload through the validation pipe, inside the actor's context. */
  async function call<D extends object, R>(who: Actor, dto: Type<D>, payload: object, handler: (rpc: StoresRpc, request: D) => Promise<R>): Promise<R> {
    return runWithContext({ correlationId: randomUUID(), origin: 'rpc:test', actor: who }, async () => {
      const request = (await pipe.transform(payload, { type: 'body', metatype: dto, data: 'data' })) as D;
      return handler(rpc, request);
    });
  }
  const listDeadLetters = (who: Actor, payload: object) => call(who, ListDeadLettersDto, payload, (r, q) => r.listDeadLetters(q));
  const countDeadLetters = (who: Actor, payload: object) => call(who, DeadLetterCountsDto, payload, (r, q) => r.countDeadLetters(q));
  const listUnassigned = (who: Actor, payload: object) => call(who, ListUnassignedDto, payload, (r, q) => r.listUnassigned(q));

  async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
    return { code: error.code, fields: [...new Set((error.fields ?? []).map((f) => f.field))] };
  }

  async function allPages<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<{ items: T[]; pages: number[] }> {
    const items: T[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await fetchPage(cursor);
      items.push(...page.items);
      pages.push(page.items.length);
      if (page.nextCursor === null) return { items, pages };
      cursor = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    engine = await open();
    // Each version in its own insert (its own part), so only FINAL can collapse them.
    await engine.insert('dead_letters', DEAD_LETTERS.map(deadLetterRow));
    await engine.insert('dead_letters', [deadLetterRow(REDELIVERED_A1)]);
    await engine.insert('unassigned_uplinks', UPLINKS.map(uplinkRow));
    await engine.insert('unassigned_uplinks', ASSIGNED.map(uplinkRow));
    rpc = new StoresRpc(new DeadLettersReader(engine.reader), new UnassignedReader(engine.reader));
  });
  afterAll(async () => {
    await engine?.close();
  });

  describe('dead letters', () => {
    const key = (d: DeadLetter) => `${d.tenantId ?? 'nobody'}/${d.id}`;

    it('pages newest first across ties without gaps or repeats, and the last page has no cursor', async () => {
      const whole = await listDeadLetters(platformAdmin, { limit: 500 });
      expect(whole.nextCursor).toBeNull();
      expect(whole.items).toHaveLength(7);
      const times = whole.items.map((d) => Date.parse(d.receivedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const paged = await allPages((cursor) => listDeadLetters(platformAdmin, { limit: 2, ...(cursor ? { cursor } : {}) }));
      expect(paged.pages).toEqual([2, 2, 2, 1]);
      expect(paged.items.map(key)).toEqual(whole.items.map(key));
      expect(new Set(paged.items.map(key)).size).toBe(7);
    });

    it('default limit is 100 and a page exactly full of the rest has no next cursor', async () => {
      expect((await listDeadLetters(platformAdmin, {})).items).toHaveLength(7);
      expect((await listDeadLetters(platformAdmin, { limit: 7 })).nextCursor).toBeNull();
      expect((await listDeadLetters(platformAdmin, { limit: 6 })).nextCursor).not.toBeNull();
    });

    it('collapses a redelivered message (same tenant and id) to its newest version, in the list and the counts', async () => {
      const { items } = await listDeadLetters(platformAdmin, { devEui: DEV(2) });
      expect(items.map((d) => [d.id, d.message])).toEqual([
        ['a1', 'second delivery'],
        ['a2', 'CODEC_REJECTED a2'],
      ]);
      expect(items[0]?.receivedAt).toBe(at(15).toISOString());
      const counts = await countDeadLetters(platformAdmin, { tenantId: tenantA });
      expect(counts).toEqual({ total: 3, byCode: { CODEC_REJECTED: 3 } });
    });

    it('filters by code, device (any case) and period (from inclusive, to exclusive)', async () => {
      expect((await listDeadLetters(platformAdmin, { code: 'WRONG_TYPE' })).items.map((d) => d.id)).toEqual(['b2']);
      expect((await listDeadLetters(platformAdmin, { code: 'BAD_BASE64' })).items).toEqual([]);
      expect((await listDeadLetters(platformAdmin, { devEui: DEV(4).toUpperCase() })).items.map((d) => d.id)).toEqual(['b2', 'b1']);
      const period = await listDeadLetters(platformAdmin, { from: at(10).toISOString(), to: at(20).toISOString() });
      expect(period.items.map((d) => d.id).sort()).toEqual(['a1', 'a2', 'b1', 'n2']);
      const both = await listDeadLetters(platformAdmin, { from: at(10).toISOString(), code: 'CODEC_REJECTED', devEui: DEV(2) });
      expect(both.items.map((d) => d.id)).toEqual(['a1', 'a2']);
      // The redelivery moved a1 to second 15: filtering before the collapse would still find its first version here.
      expect((await listDeadLetters(platformAdmin, { from: at(10).toISOString(), to: at(11).toISOString(), tenantId: tenantA })).items.map((d) => d.id)).toEqual(['a2']);
    });

    it('answers the raw message as text only when it is valid UTF-8, and always as base64', async () => {
      const { items } = await listDeadLetters(platformAdmin, { limit: 500 });
      const byId = new Map(items.map((d) => [d.id, d]));
      expect(byId.get('n2')).toMatchObject({ raw: null, rawBase64: b64(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3])), devEui: DEV(1), event: 'up' });
      expect(byId.get('a2')).toMatchObject({ raw: 'grüße ✓', rawBase64: b64('grüße ✓') });
      expect(byId.get('n1')).toMatchObject({ raw: '{"id":"n1"}', devEui: null, event: null, field: 'payload', code: 'NOT_AN_EVENT_TOPIC' });
    });

    it('shows a platform administrator everyone\'s (nobody\'s as tenantId null) and a tenant operator only its own, whatever it asks', async () => {
      const all = await listDeadLetters(platformAdmin, {});
      expect(all.items.filter((d) => d.tenantId === null).map((d) => d.id).sort()).toEqual(['n1', 'n2']);
      expect(all.items.some((d) => (d.tenantId as string | null) === NOBODY)).toBe(false);
      expect((await listDeadLetters(platformAdmin, { tenantId: tenantB })).items.map((d) => d.id)).toEqual(['b2', 'b1']);

      const own = await listDeadLetters(operatorOfA, {});
      expect(own.items.map((d) => d.id).sort()).toEqual(['a1', 'a2', 'a3']);
      expect(own.items.every((d) => d.tenantId === tenantA)).toBe(true);
      expect((await listDeadLetters(operatorOfA, { tenantId: tenantB })).items.map((d) => d.tenantId)).toEqual([tenantA, tenantA, tenantA]);
      expect(await countDeadLetters(operatorOfA, { tenantId: NOBODY })).toEqual({ total: 3, byCode: { CODEC_REJECTED: 3 } });

      expect(await refusal(listDeadLetters(billingOfA, {}))).toEqual({ code: 'FORBIDDEN', fields: [] });
      expect(await refusal(countDeadLetters(billingOfA, {}))).toEqual({ code: 'FORBIDDEN', fields: [] });
    });

    it('counts by code over everything or a period', async () => {
      expect(await countDeadLetters(platformAdmin, {})).toEqual({
        total: 7,
        byCode: { CODEC_REJECTED: 4, MALFORMED_JSON: 1, NOT_AN_EVENT_TOPIC: 1, WRONG_TYPE: 1 },
      });
      expect(await countDeadLetters(platformAdmin, { from: at(20).toISOString() })).toEqual({ total: 2, byCode: { CODEC_REJECTED: 1, WRONG_TYPE: 1 } });
      expect(await countDeadLetters(platformAdmin, { to: at(0).toISOString() })).toEqual({ total: 0, byCode: {} });
    });

    it('refuses bad requests with VALIDATION_FAILED naming the field', async () => {
      expect(await refusal(listDeadLetters(platformAdmin, { cursor: 'not-a-cursor' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['cursor'] });
      expect(await refusal(listDeadLetters(platformAdmin, { cursor: encodeCursor(['2024-05-01 12:00:00', "x' OR 1 = 1", 'a1']) }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['cursor'] });
      expect(await refusal(listDeadLetters(platformAdmin, { from: 'yesterday' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['from'] });
      expect(await refusal(countDeadLetters(platformAdmin, { to: '2024-13-01T00:00:00Z' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['to'] });
      expect(await refusal(listDeadLetters(platformAdmin, { from: '1969-12-31T23:59:59Z' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['from'] });
      expect(await refusal(listDeadLetters(platformAdmin, { from: at(20).toISOString(), to: at(10).toISOString() }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['to'] });
      expect(await refusal(listDeadLetters(platformAdmin, { limit: 0 }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['limit'] });
      expect(await refusal(listDeadLetters(platformAdmin, { limit: 501 }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['limit'] });
      expect(await refusal(listDeadLetters(platformAdmin, { devEui: 'abc' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['devEui'] });
      expect(await refusal(listDeadLetters(platformAdmin, { code: "x'; DROP TABLE dead_letters" }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['code'] });
      expect(await refusal(listDeadLetters(platformAdmin, { tenantId: 'acme' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['tenantId'] });
      expect(await refusal(listDeadLetters(platformAdmin, { sort: 'asc' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['sort'] });
    });
  });

  describe('unassigned uplinks', () => {
    const key = (u: UnassignedUplink) => `${u.devEui}/${u.deduplicationId}`;

    it('lists only uplinks not yet assigned, newest first, paging without gaps or repeats', async () => {
      const whole = await listUnassigned(platformAdmin, {});
      expect(whole.items.map(key)).toEqual([`${Y}/y2`, `${Y}/y1`, `${X}/x3`, `${X}/x2`, `${X}/x1`]);
      expect(whole.items[0]).toEqual({
        devEui: Y,
        applicationId: 'a0b1c2d3-0000-4000-8000-000000000001',
        time: at(180).toISOString(),
        receivedAt: at(181).toISOString(),
        deduplicationId: 'y2',
        fCnt: 180,
        fPort: 2,
        payloadHex: '0102ff',
        reason: 'unknown',
      });
      expect(whole.items.find((u) => u.deduplicationId === 'y1')?.reason).toBe('ambiguous');

      const paged = await allPages((cursor) => listUnassigned(platformAdmin, { limit: 2, ...(cursor ? { cursor } : {}) }));
      expect(paged.pages).toEqual([2, 2, 1]);
      expect(paged.items.map(key)).toEqual(whole.items.map(key));
    });

    it('summarises the devices still waiting (count, last heard), most recent first; a fully assigned device is gone', async () => {
      const { devices } = await listUnassigned(platformAdmin, { limit: 1 });
      expect(devices).toEqual([
        { devEui: Y, uplinks: 2, lastSeen: at(180).toISOString() },
        { devEui: X, uplinks: 3, lastSeen: at(60).toISOString() },
      ]);
    });

    it('filters by device (any case), in the list and the summary', async () => {
      const page = await listUnassigned(platformAdmin, { devEui: X.toUpperCase() });
      expect(page.items.map(key)).toEqual([`${X}/x3`, `${X}/x2`, `${X}/x1`]);
      expect(page.devices).toEqual([{ devEui: X, uplinks: 3, lastSeen: at(60).toISOString() }]);
      expect(await listUnassigned(platformAdmin, { devEui: Z })).toEqual({ items: [], devices: [], nextCursor: null });
    });

    it('is for platform administrators only, and refuses bad requests naming the field', async () => {
      expect(await refusal(listUnassigned(operatorOfA, {}))).toEqual({ code: 'FORBIDDEN', fields: [] });
      expect(await refusal(listUnassigned(platformAdmin, { cursor: 'eyJ4IjoxfQ' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['cursor'] });
      const deadLetterCursor = (await listDeadLetters(platformAdmin, { limit: 1 })).nextCursor;
      expect(await refusal(listUnassigned(platformAdmin, { cursor: deadLetterCursor ?? '' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['cursor'] });
      expect(await refusal(listUnassigned(platformAdmin, { limit: 'ten' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['limit'] });
      expect(await refusal(listUnassigned(platformAdmin, { devEui: 'zz' }))).toEqual({ code: 'VALIDATION_FAILED', fields: ['devEui'] });
    });
  });
});
