import { CLICKHOUSE_QUERY_CATALOG } from './catalog';
import * as migrationQueries from './migrations/migration-queries';
import { SqlFragment } from './sql';
import * as storeQueries from './store-queries';

/** Every exported `...Query` builder of the library's query modules. */
function exportedBuilders(): string[] {
  return [storeQueries, migrationQueries].flatMap((module) =>
    Object.entries(module)
      .filter(([name, value]) => name.endsWith('Query') && typeof value === 'function')
      .map(([name]) => name),
  );
}

describe('CLICKHOUSE_QUERY_CATALOG', () => {
  it('lists every query builder of the library', () => {
    const listed = new Set(CLICKHOUSE_QUERY_CATALOG.map((entry) => entry.name));
    expect(exportedBuilders().length).toBeGreaterThan(0);
    for (const name of exportedBuilders()) expect(listed).toContain(name);
  });

  it('has unique names and every entry builds one statement', () => {
    const names = CLICKHOUSE_QUERY_CATALOG.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of CLICKHOUSE_QUERY_CATALOG) {
      const fragment = entry.build();
      expect(fragment).toBeInstanceOf(SqlFragment);
      expect(fragment.text.trim().length).toBeGreaterThan(0);
      expect(fragment.text.trim().endsWith(';')).toBe(false);
    }
  });

  it('uses nothing ClickHouse 18.16 lacks', () => {
    for (const entry of CLICKHOUSE_QUERY_CATALOG) {
      expect(entry.build().text).not.toMatch(/\{\w+:\w+\}|DateTime64|LowCardinality|CODEC\(|\bTTL\b|IF NOT EXISTS \w+ \w+ COLUMN/);
    }
  });
});
