import { SqlFragment, SqlValueError, ident, join, literal, quoteString, raw, sql } from './sql';
import type { SqlValue } from './sql';

function expectSqlError(fn: () => unknown, code: SqlValueError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (error: unknown) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SqlValueError);
  expect((caught as SqlValueError).code).toBe(code);
}

describe('quoteString', () => {
  it.each([
    ['plain', "'plain'"],
    ['', "''"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['ends with\\', "'ends with\\\\'"],
    ["\\'", "'\\\\\\''"],
    ['a\0b', "'a\\0b'"],
    ['\b\f\r\n\t', "'\\b\\f\\r\\n\\t'"],
    ['\u0001\u001f\u007f', "'\\x01\\x1f\\x7f'"],
    ['\u000b', "'\\x0b'"],
    ["'; DROP TABLE x; --", "'\\'; DROP TABLE x; --'"],
  ])('quotes %j as %s', (input, expected) => {
    expect(quoteString(input)).toBe(expected);
  });

  it('leaves unicode (incl. emoji and RTL) untouched', () => {
    const text = 'Grüße 🙂 👨‍👩‍👧 שלום مرحبا \u202e \u2028';
    expect(quoteString(text)).toBe(`'${text}'`);
  });

  it('never leaves an unescaped quote or backslash inside the literal', () => {
    const inner = quoteString("a'b\\c'\\'\\\\'").slice(1, -1);
    // Every quote is preceded by an odd run of backslashes: it is escaped.
    for (const match of inner.matchAll(/(\\*)'/g)) expect((match[1] ?? '').length % 2).toBe(1);
    // Read as ClickHouse does, the inner text decodes back to the input.
    expect(inner.replace(/\\(.)/g, '$1')).toBe("a'b\\c'\\'\\\\'");
  });

  it('refuses lone surrogates, which cannot travel as UTF-8', () => {
    expectSqlError(() => quoteString('broken \ud83d pair'), 'malformed_string');
    expectSqlError(() => quoteString('\ude42 trailing half'), 'malformed_string');
  });
});

describe('literal', () => {
  it('renders numbers, bigints, booleans and null', () => {
    expect(literal(42)).toBe('42');
    expect(literal(-7)).toBe('-7');
    expect(literal(1.5)).toBe('1.5');
    expect(literal(1e-7)).toBe('1e-7');
    expect(literal(-0)).toBe('0');
    expect(literal(18446744073709551615n)).toBe('18446744073709551615');
    expect(literal(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(literal(true)).toBe('1');
    expect(literal(false)).toBe('0');
    expect(literal(null)).toBe('NULL');
  });

  it.each([NaN, Infinity, -Infinity])('throws on %p', (value) => {
    expectSqlError(() => literal(value), 'non_finite_number');
  });

  it('renders a Date as a UTC DateTime, milliseconds dropped', () => {
    expect(literal(new Date('2024-02-29T23:59:59.999Z'))).toBe("toDateTime('2024-02-29 23:59:59', 'UTC')");
    expect(literal(new Date(0))).toBe("toDateTime('1970-01-01 00:00:00', 'UTC')");
  });

  it('throws on invalid dates and dates outside the DateTime range', () => {
    expectSqlError(() => literal(new Date('nope')), 'invalid_date');
    expectSqlError(() => literal(new Date('1969-12-31T23:59:59Z')), 'invalid_date');
    expectSqlError(() => literal(new Date('2106-02-08T00:00:00Z')), 'invalid_date');
  });

  it('renders arrays, nested and empty', () => {
    expect(literal([1, 2, 3])).toBe('[1, 2, 3]');
    expect(literal(['a', "b'c", null])).toBe("['a', 'b\\'c', NULL]");
    expect(literal([[1], []])).toBe('[[1], []]');
    expect(literal([])).toBe('[]');
  });

  it.each([
    ['undefined', undefined],
    ['a plain object', { a: 1 }],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a Map', new Map()],
    ['a Buffer', Buffer.from('x')],
    ['an array holding an object', [1, { a: 1 }]],
  ])('throws on %s', (_label, value) => {
    expectSqlError(() => literal(value), 'unsupported_value');
  });
});

describe('sql tagged template', () => {
  it('escapes interpolated values and keeps the text', () => {
    const fragment = sql`SELECT * FROM t WHERE a = ${"x'y"} AND b IN ${[1, 2]} AND c = ${null}`;
    expect(fragment).toBeInstanceOf(SqlFragment);
    expect(fragment.text).toBe("SELECT * FROM t WHERE a = 'x\\'y' AND b IN [1, 2] AND c = NULL");
  });

  it('nests fragments without escaping them again', () => {
    const where = sql`name = ${"o'brien"}`;
    const outer = sql`SELECT 1 FROM ${ident('people')} WHERE ${where} AND ${sql`age > ${30}`}`;
    expect(outer.text).toBe("SELECT 1 FROM `people` WHERE name = 'o\\'brien' AND age > 30");
  });

  it('never lets a negative number turn a minus into a comment', () => {
    expect(sql`SELECT 5-${-3}`.text).toBe('SELECT 5- -3');
    expect(sql`SELECT 5 - ${-3}`.text).toBe('SELECT 5 - -3');
  });

  it('throws on values it cannot render, even when the type checker was bypassed', () => {
    const bad = { toString: () => "'; DROP TABLE x; --" } as unknown as SqlValue;
    expect(() => sql`SELECT ${bad}`).toThrow(SqlValueError);
  });

  it('cannot be forged by constructing a fragment directly', () => {
    const Forge = SqlFragment as unknown as new (key: symbol, text: string) => SqlFragment;
    expect(() => new Forge(Symbol('SqlFragment builder'), 'DROP TABLE x')).toThrow(TypeError);
  });
});

describe('ident', () => {
  it('backtick-quotes valid names and dotted parts', () => {
    expect(ident('readings').text).toBe('`readings`');
    expect(ident('_x9').text).toBe('`_x9`');
    expect(ident('db', 'readings').text).toBe('`db`.`readings`');
  });

  it.each(['', '1abc', 'a-b', 'a b', 'a`b', 'a.b', "a'b", 'a;DROP', 'ü', 'x'.repeat(256)])('refuses %j', (name) => {
    expectSqlError(() => ident(name), 'invalid_identifier');
  });

  it('refuses no parts at all', () => {
    expectSqlError(() => ident(), 'invalid_identifier');
  });
});

describe('raw and join', () => {
  it('raw passes trusted text through', () => {
    expect(raw('SELECT 1').text).toBe('SELECT 1');
  });

  it('join concatenates fragments with a separator', () => {
    const columns = ['a', 'b', 'c'].map((name) => ident(name));
    expect(join(columns).text).toBe('`a`, `b`, `c`');
    expect(join([sql`${1}`, sql`${'x'}`], sql` AND `).text).toBe("1 AND 'x'");
    expect(join([], ' OR ').text).toBe('');
  });
});
