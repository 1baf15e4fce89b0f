import { ClickHouseMigrationError } from './migration-error';
import { parseRequiresHeader } from './requires-header';

describe('parseRequiresHeader', () => {
  it('reads the requirement from the leading comment block', () => {
    expect(parseRequiresHeader('-- requires: clickhouse >= 20.3\nALTER TABLE t ...')).toEqual({
      text: '20.3',
      major: 20,
      minor: 3,
      patch: 0,
    });
    expect(parseRequiresHeader('\n-- Codecs.\n--   requires:  ClickHouse>=21.8.4  \nSELECT 1')).toEqual({
      text: '21.8.4',
      major: 21,
      minor: 8,
      patch: 4,
    });
  });

  it('has no requirement when no header line says so', () => {
    expect(parseRequiresHeader('-- Telemetry tables\nCREATE TABLE t (x UInt8) ENGINE = Memory')).toBeUndefined();
    expect(parseRequiresHeader('')).toBeUndefined();
  });

  it('only looks at the header: a requires line after the first statement does not count', () => {
    expect(parseRequiresHeader('SELECT 1;\n-- requires: clickhouse >= 99.1\nSELECT 2')).toBeUndefined();
  });

  it.each([
    '-- requires: clickhouse 20.3',
    '-- requires: clickhouse >= 20',
    '-- requires: postgres >= 14.0',
    '-- requires: clickhouse > 20.3',
    '-- requires: clickhouse >= 20.3 or so',
  ])('refuses a malformed header: %j', (line) => {
    expect(() => parseRequiresHeader(`${line}\nSELECT 1`)).toThrow(ClickHouseMigrationError);
  });

  it('refuses two requires headers', () => {
    expect(() => parseRequiresHeader('-- requires: clickhouse >= 20.3\n-- requires: clickhouse >= 21.1\nSELECT 1')).toThrow(
      /more than one/,
    );
  });
});
