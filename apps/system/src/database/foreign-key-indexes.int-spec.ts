import type { DataSource } from 'typeorm';
import { createServiceDataSource, runPostgresMigrations } from '@app/postgres';
import { createTestPostgresDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { systemDataSourceSettings } from './data-source';

/**
 * Every foreign key of the system schema has an index that starts with its columns (in any order), so
 * deleting or re-keying a referenced row, and joins along the key, never scan the referencing table.
 * A new foreign key without such an index fails here by name.
 */
const UNINDEXED_FOREIGN_KEYS = `
  SELECT c.conrelid::regclass::text AS "table", c.conname AS "constraint",
         array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY a.attname), ', ') AS "columns"
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace
   WHERE c.contype = 'f' AND n.nspname = 'system'
     AND NOT EXISTS (
       SELECT 1 FROM pg_index i
        WHERE i.indrelid = c.conrelid
          -- a partial index serves the key only when it leaves out just the rows without a reference
          AND (i.indpred IS NULL OR EXISTS (
            SELECT 1 FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k
             WHERE pg_get_expr(i.indpred, i.indrelid) = '(' || a.attname || ' IS NOT NULL)'))
          AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
          AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
   ORDER BY 1, 2`;

describe('system schema foreign keys (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestPostgresDatabase('headend_system');
    ds = createServiceDataSource(systemDataSourceSettings(db.url));
    await ds.initialize();
    await runPostgresMigrations(ds);
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('has foreign keys to check (the query sees the schema)', async () => {
    const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'system'`)) as { count: number }[];
    expect(count).toBeGreaterThan(10);
  });

  it('has an index leading with the columns of every foreign key', async () => {
    expect(await ds.query(UNINDEXED_FOREIGN_KEYS)).toEqual([]);
  });

  it('indexes the meters\' self-references with the tenant, as the foreign keys are', async () => {
    const rows = (await ds.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'system' AND tablename = 'meters' AND indexdef ~ '(replaced_by_id|replaces_id)'`)) as { indexname: string; indexdef: string }[];
    expect(rows.map((r) => r.indexdef.replace(/^.*USING btree /, '')).sort()).toEqual([
      '(tenant_id, replaced_by_id) WHERE (replaced_by_id IS NOT NULL)',
      '(tenant_id, replaces_id) WHERE (replaces_id IS NOT NULL)',
    ]);
  });
});
