import { ClickHouseMigrationError } from './migration-error';
import { splitStatements } from './split-statements';

describe('splitStatements', () => {
  it('splits on semicolons and trims', () => {
    expect(splitStatements('CREATE TABLE a (x UInt8) ENGINE = Memory;\n\n  SELECT 1 ;SELECT 2')).toEqual([
      'CREATE TABLE a (x UInt8) ENGINE = Memory',
      'SELECT 1',
      'SELECT 2',
    ]);
  });

  it('drops empty pieces and pieces holding only comments', () => {
    expect(splitStatements(';;\n-- just a comment;\n/* block; */ ;SELECT 1;\n-- trailing comment\n')).toEqual(['SELECT 1']);
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements('  -- only\n /* comments */ ')).toEqual([]);
  });

  it('keeps semicolons inside string literals, with backslash escapes and doubled quotes', () => {
    const text = "SELECT 'a;b', 'it\\'s;', 'x'';y', '\\\\';SELECT 2";
    expect(splitStatements(text)).toEqual(["SELECT 'a;b', 'it\\'s;', 'x'';y', '\\\\'", 'SELECT 2']);
  });

  it('keeps semicolons inside quoted identifiers', () => {
    expect(splitStatements('SELECT 1 AS `a;b`, 2 AS "c;d"; SELECT 3')).toEqual(['SELECT 1 AS `a;b`, 2 AS "c;d"', 'SELECT 3']);
  });

  it('ignores semicolons and quotes inside comments', () => {
    const text = "SELECT 1 -- it's; a comment\n, 2 /* don't; split */ ;\nSELECT 3";
    expect(splitStatements(text)).toEqual(["SELECT 1 -- it's; a comment\n, 2 /* don't; split */", 'SELECT 3']);
  });

  it('does not take a comment marker inside a string for a comment', () => {
    expect(splitStatements("SELECT '-- no', '/* no */';SELECT 2")).toEqual(["SELECT '-- no', '/* no */'", 'SELECT 2']);
  });

  it('handles a string ending in an escaped backslash before the closing quote', () => {
    expect(splitStatements("SELECT 'x\\\\';SELECT ';'")).toEqual(["SELECT 'x\\\\'", "SELECT ';'"]);
  });

  it.each([
    ["SELECT 'open", "'"],
    ['SELECT `open', '`'],
    ['SELECT 1 /* open', '/*'],
  ])('refuses an unterminated literal or comment: %j', (text) => {
    expect(() => splitStatements(text)).toThrow(ClickHouseMigrationError);
    try {
      splitStatements(text);
    } catch (error: unknown) {
      expect((error as ClickHouseMigrationError).code).toBe('unterminated');
    }
  });
});
