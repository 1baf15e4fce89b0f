import { encodeRow } from './insert-rows';
import type { InsertRow } from './insert-rows';
import { SqlValueError } from './sql';

describe('encodeRow', () => {
  it('keeps JSON values and encodes Date, bigint and arrays of them', () => {
    const row = encodeRow({
      s: "o'brien \\ \0",
      n: 1.25,
      b: true,
      z: null,
      ts: new Date('2024-01-02T03:04:05.678Z'),
      big: 18446744073709551615n,
      list: [new Date(0), 2n, 'x'],
    });
    expect(row).toEqual({
      s: "o'brien \\ \0",
      n: 1.25,
      b: true,
      z: null,
      ts: 1704164645,
      big: '18446744073709551615',
      list: [0, '2', 'x'],
    });
  });

  it('accepts interface-typed rows', () => {
    interface ReadingRow {
      id: string;
      ts: Date;
      value: number;
    }
    const row: ReadingRow = { id: 'a', ts: new Date(1000), value: 1 };
    expect(encodeRow(row)).toEqual({ id: 'a', ts: 1, value: 1 });
  });

  it.each([
    ['NaN', { v: NaN }, 'non_finite_number'],
    ['Infinity', { v: Infinity }, 'non_finite_number'],
    ['an invalid Date', { v: new Date('x') }, 'invalid_date'],
    ['a Date before 1970', { v: new Date(-1000) }, 'invalid_date'],
    ['an object', { v: { a: 1 } as unknown as string }, 'unsupported_value'],
    ['undefined', { v: undefined as unknown as null }, 'unsupported_value'],
  ])('refuses %s, naming the column', (_label, row, code) => {
    let caught: unknown;
    try {
      encodeRow(row as InsertRow);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlValueError);
    expect((caught as SqlValueError).code).toBe(code);
    expect((caught as Error).message).toMatch(/^column v:/);
  });
});
