import { TsvBufferPool, TsvTables } from './tsv-lines';
import { emptyRows } from './rows';
import type { UplinkRow } from './rows';

const TENANT = '6f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77';

function uplink(dedup: string, raw: string): UplinkRow {
  return {
    tenant_id: TENANT,
    dev_eui: '70b3d5e75e00beef',
    ts: new Date(Date.UTC(2026, 10, 26, 12, 0, 0)),
    received_at: new Date(Date.UTC(2026, 10, 26, 12, 0, 1)),
    event: 'up',
    deduplication_id: dedup,
    f_cnt: 7,
    f_port: 2,
    payload_hex: '0aff',
    raw: Buffer.from(raw),
    decode_status: 'ok',
    decode_error: '',
    codec: 'x/y',
    version: 3,
  };
}

describe('TsvTables', () => {
  it('encode rows pushed one by one exactly as the collected rows of the same table', () => {
    const rows = emptyRows();
    rows.uplinks.push(uplink('a', '{"a":1}'), uplink('b', 'tab\there'));
    const tables = new TsvTables();
    for (const row of rows.uplinks) tables.uplinks.push(row);
    expect(tables.body('uplinks')?.toString()).toBe(TsvTables.of(rows).body('uplinks')?.toString());
    expect(tables.body('uplinks')?.toString()).toBe(
      `${TENANT}\t70b3d5e75e00beef\t2026-11-26 12:00:00\t2026-11-26 12:00:01\tup\ta\t7\t2\t0aff\t{"a":1}\tok\t\tx/y\t3\n` +
        `${TENANT}\t70b3d5e75e00beef\t2026-11-26 12:00:00\t2026-11-26 12:00:01\tup\tb\t7\t2\t0aff\ttab\\there\tok\t\tx/y\t3\n`,
    );
    expect(tables.body('readings')).toBeUndefined();
  });

  it('reuse released buffers from their pool: the next body holds only its own rows', () => {
    const pool = new TsvBufferPool();
    const first = new TsvTables(pool);
    first.uplinks.push(uplink('first', 'x'.repeat(5000)));
    const firstBody = first.body('uplinks');
    first.release();
    const second = new TsvTables(pool);
    second.uplinks.push(uplink('second', '{}'));
    const body = second.body('uplinks');
    expect(body?.buffer).toBe(firstBody?.buffer); // the same memory, reused
    const alone = new TsvTables();
    alone.uplinks.push(uplink('second', '{}'));
    expect(body?.toString()).toBe(alone.body('uplinks')?.toString());
  });
});
