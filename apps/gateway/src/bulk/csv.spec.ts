import fc from 'fast-check';
import { csvLine, parseCsv } from './csv';

const limits = { maxRows: 1000, maxCell: 100 };
const parse = (text: string) => parseCsv(text, limits);
const failure = (text: string): { code?: string; fields?: { line?: number; message: string }[] } => {
  try {
    parse(text);
  } catch (error) {
    return error as { code?: string; fields?: { line?: number; message: string }[] };
  }
  throw new Error('parsed without an error');
};

describe('parseCsv', () => {
  it('reads a header and rows with their spreadsheet line numbers', () => {
    expect(parse('serial,vendor\nA,Acme\nB,Acme\n')).toEqual({
      columns: ['serial', 'vendor'],
      rows: [
        { line: 2, cells: ['A', 'Acme'] },
        { line: 3, cells: ['B', 'Acme'] },
      ],
    });
  });

  it('takes quotes, embedded commas, doubled quotes and line breaks; a quoted line break stays in one row', () => {
    const table = parse('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,2,3');
    expect(table.rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 3, cells: ['last', '2', '3'] },
    ]);
  });

  it('skips a BOM, blank rows (still counted) and trailing empty cells; lone CR ends a row', () => {
    const table = parse('\uFEFFa,b\r\r\n1,2,,\n\n3\r');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['3'] },
    ]);
  });

  it('keeps empty quoted cells and cells with only spaces as they are', () => {
    expect(parse('a,b,c\n"",  ,""""').rows).toEqual([{ line: 2, cells: ['', '  ', '"'] }]);
  });

  it.each([
    ['an unterminated quote', 'a,b\n1,"open\n2,3\n', 2, /not closed/],
    ['text after a closing quote', 'a,b\n1,"x"y\n', 2, /after a closing quote/],
    ['a quote inside an unquoted cell', 'a,b\n1,2\n3,x"y\n', 3, /quote inside an unquoted cell/],
    ['more cells than columns', 'a,b\n1,2,3\n', 2, /3 cells, the header names 2 columns/],
    ['a header column without a name', 'a,,c\n1,2,3\n', 1, /column 2 of the header has no name/],
    ['an over-long cell', `a\n${'x'.repeat(101)}\n`, 2, /longer than 100/],
    ['an empty file', '', 1, /empty/],
    ['only blank lines', '\n\r\n  \n', 1, /empty/],
  ])('refuses %s, naming the line', (_what, text, line, message) => {
    const error = failure(text);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });

  it('refuses more rows than the limit before reading the whole file', () => {
    const text = `a\n${'1\n'.repeat(5000)}`;
    expect(failure(text).fields?.[0].message).toMatch(/more than 1000 rows/);
  });

  it('does not hang or throw anything but a validation error on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\uFEFF') , maxLength: 60 }), (text) => {
        try {
          parse(`h1,h2,h3\n${text}`);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('VALIDATION_FAILED');
        }
      }),
    );
  });

  it('reads back what csvLine writes, for any cells', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const text = csvLine(['a', 'b', 'c']) + rows.map((r) => csvLine(r)).join('');
        const kept = rows.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
        const parsed = parse(text).rows.map((r) => ({ line: r.line, cells: [...r.cells, '', '', ''].slice(0, 3) }));
        expect(parsed).toEqual(kept);
      }),
    );
  });
});
