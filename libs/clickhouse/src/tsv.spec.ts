import { SqlValueError } from './sql';
import { formatDateTimeUtc } from './datetime';
import { TsvBuilder, TsvBytes, tsvEscape, tsvNumber, tsvQuoted, tsvStringArray } from './tsv';
import type { InsertValue } from './insert-rows';

/** One row of one column `v`, as its line without the final line feed. */
function line(value: InsertValue): string {
  const builder = new TsvBuilder<{ v: InsertValue }>(['v']);
  builder.add({ v: value });
  return builder.text().slice(0, -1);
}

function caught(action: () => void): SqlValueError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof SqlValueError) return error;
    throw error;
  }
  throw new Error('expected a SqlValueError, nothing was thrown');
}

describe('tsvEscape', () => {
  it.each([
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['a line feed', 'a\nb', 'a\\nb'],
    ['a carriage return', 'a\rb', 'a\\rb'],
    ['all four, repeated', '\\\t\n\r\\\t\n\r', '\\\\\\t\\n\\r\\\\\\t\\n\\r'],
    ['text that already looks escaped', '\\N \\t', '\\\\N \\\\t'],
  ])('escapes %s', (_label, text, expected) => {
    expect(tsvEscape(text)).toBe(expected);
  });

  it.each([
    ['an empty string', ''],
    ['quotes', `'single' "double" \`back\``],
    ['unicode', 'Grüße 日本語 🙂 👨‍👩‍👧 \u2028'],
    ['other control characters', '\0\b\f\u000b\u001b\u007f'],
    ['plain text', 'volume m3 1.8.0'],
  ])('leaves %s unchanged', (_label, text) => {
    expect(tsvEscape(text)).toBe(text);
  });
});

describe('TsvBuilder', () => {
  it('gives an empty body for no rows', () => {
    const builder = new TsvBuilder<{ a: string }>(['a']);
    expect(builder.size).toBe(0);
    expect(builder.text()).toBe('');
  });

  it('writes the columns in the given order, tab-separated, each line ended by a line feed', () => {
    const builder = new TsvBuilder<{ a: string; b: number; c: string }>(['c', 'a', 'b']);
    builder.add({ a: 'A', b: 1, c: 'C' });
    builder.add({ a: 'A2', b: 2, c: 'C2' });
    expect(builder.size).toBe(2);
    expect(builder.text()).toBe('C\tA\t1\nC2\tA2\t2\n');
  });

  it('writes only the listed columns (the rest take their defaults on the server)', () => {
    const builder = new TsvBuilder<{ a: string; b: string }>(['b']);
    builder.add({ a: 'not sent', b: 'sent' });
    expect(builder.text()).toBe('sent\n');
  });

  it('escapes strings, so a hostile value stays one field of one line', () => {
    const builder = new TsvBuilder<{ a: string; b: string }>(['a', 'b']);
    builder.add({ a: 'tab\there\nnew line\r\\', b: '' });
    const text = builder.text();
    expect(text).toBe('tab\\there\\nnew line\\r\\\\\t\n');
    expect(text.split('\n')).toHaveLength(2);
    expect(text.slice(0, -1).split('\t')).toHaveLength(2);
  });

  it('writes NULL as \\N, and the text "\\N" escaped so it stays text', () => {
    expect(line(null)).toBe('\\N');
    expect(line('\\N')).toBe('\\\\N');
  });

  describe('numbers', () => {
    it.each([
      [0, '0'],
      [42, '42'],
      [-17, '-17'],
      [1.25, '1.25'],
      [-0.5, '-0.5'],
      [1e21, '1e+21'],
      [1.5e-7, '1.5e-7'],
      [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ])('writes %p as %s', (value, expected) => {
      expect(line(value)).toBe(expected);
    });

    it.each([NaN, Infinity, -Infinity])('refuses %p, naming the column', (value) => {
      const error = caught(() => line(value));
      expect(error.code).toBe('non_finite_number');
      expect(error.message).toMatch(/^column v:/);
    });
  });

  it('writes bigints in full and booleans as 1/0', () => {
    expect(line(18446744073709551615n)).toBe('18446744073709551615');
    expect(line(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(line(true)).toBe('1');
    expect(line(false)).toBe('0');
  });

  describe('dates', () => {
    it('writes UTC text without milliseconds', () => {
      expect(line(new Date('2024-03-31T22:59:59.900Z'))).toBe('2024-03-31 22:59:59');
      expect(line(new Date(0))).toBe('1970-01-01 00:00:00');
      expect(line(new Date(4294967295 * 1000))).toBe('2106-02-07 06:28:15');
    });

    it('returns the right text for rows of the same second and of the next ones (the one-second cache)', () => {
      const builder = new TsvBuilder<{ ts: Date }>(['ts']);
      const times = [
        '2024-05-01T10:20:30.000Z',
        '2024-05-01T10:20:30.999Z',
        '2024-05-01T10:20:31.000Z',
        '2024-05-01T10:20:30.500Z',
        '2024-05-01T10:20:59.999Z',
        '2024-05-01T10:21:00.000Z',
        '2031-01-01T00:00:00.000Z',
      ];
      for (const time of times) builder.add({ ts: new Date(time) });
      expect(builder.text()).toBe(
        [
          '2024-05-01 10:20:30',
          '2024-05-01 10:20:30',
          '2024-05-01 10:20:31',
          '2024-05-01 10:20:30',
          '2024-05-01 10:20:59',
          '2024-05-01 10:21:00',
          '2031-01-01 00:00:00',
          '',
        ].join('\n'),
      );
    });

    it.each([
      ['an invalid Date', new Date('not a date')],
      ['a Date before 1970', new Date(-1000)],
      ['a Date after 2106-02-07 06:28:15', new Date(4294967296 * 1000)],
    ])('refuses %s, naming the column', (_label, value) => {
      const error = caught(() => line(value));
      expect(error.code).toBe('invalid_date');
      expect(error.message).toMatch(/^column v:/);
    });

    it('refuses an invalid Date right after a valid one (the cache does not hide it)', () => {
      const builder = new TsvBuilder<{ ts: Date }>(['ts']);
      builder.add({ ts: new Date('2024-05-01T10:20:30Z') });
      expect(caught(() => builder.add({ ts: new Date(Number.NaN) })).code).toBe('invalid_date');
      expect(builder.size).toBe(1);
    });
  });

  describe('arrays', () => {
    it('writes [] and numbers, NULL, bigints, booleans and dates inside', () => {
      expect(line([])).toBe('[]');
      expect(line([1, -2.5, null, 3n, true, new Date('2024-01-02T03:04:05Z')])).toBe("[1,-2.5,NULL,3,1,'2024-01-02 03:04:05']");
      expect(line([[1], []])).toBe('[[1],[]]');
    });

    it('quotes strings with quotes and backslashes escaped, and keeps the field on one line', () => {
      // Both 18.16 and current releases read an array field of TSV as the quoted literal itself (no TSV
      // unescaping first), so the literal is sent as is: ' -> \' and \ -> \\ inside the quotes, once.
      expect(line(["it's", 'a\\b', ''])).toBe("['it\\'s','a\\\\b','']");
      const text = line(['tab\tnew\nline\r']);
      expect(text).not.toMatch(/[\t\n\r]/);
      expect(text).toBe("['tab\\tnew\\nline\\r']");
    });

    it('refuses a non-finite number or an invalid Date inside', () => {
      expect(caught(() => line([1, NaN])).code).toBe('non_finite_number');
      expect(caught(() => line([new Date(Number.NaN)])).code).toBe('invalid_date');
    });
  });

  it('refuses a value of another type, naming the column', () => {
    const error = caught(() => line({ a: 1 } as unknown as InsertValue));
    expect(error.code).toBe('unsupported_value');
    expect(error.message).toMatch(/^column v:/);
    expect(caught(() => line(undefined as unknown as InsertValue)).code).toBe('unsupported_value');
  });
});

describe('the per-column helpers (hand-written line encoders of ingest)', () => {
  it('tsvStringArray writes the literal the server reads back: gateway ids, quotes, backslashes', () => {
    expect(tsvStringArray([])).toBe('[]');
    expect(tsvStringArray(['0016c001ff10a235', 'b827ebfffe6c279d'])).toBe("['0016c001ff10a235','b827ebfffe6c279d']");
    expect(tsvStringArray(["gw'1", 'a\\b', 't\tn\n'])).toBe("['gw\\'1','a\\\\b','t\\tn\\n']");
  });

  it('tsvNumber writes finite numbers and refuses the rest, naming the column', () => {
    expect(tsvNumber(-1.5e-7, 'snr')).toBe('-1.5e-7');
    const error = caught(() => tsvNumber(NaN, 'snr'));
    expect(error.code).toBe('non_finite_number');
    expect(error.message).toMatch(/^column snr:/);
  });

  it('TsvBytes.dateTime writes formatDateTimeUtc across seconds, days and years, and refuses out-of-range times, naming the column', () => {
    const out = new TsvBytes(4);
    // Times in an order that changes the day back and forth (the day text is remembered), with millisecond parts.
    const times = [
      Date.parse('2024-05-01T10:20:30.100Z'), Date.parse('2024-05-01T10:20:30.900Z'), Date.parse('2024-05-01T10:20:31.000Z'),
      Date.parse('1999-12-31T23:59:59.999Z'), Date.parse('2024-02-29T00:00:00.000Z'), Date.parse('2024-05-01T23:59:59.000Z'),
      0, 4294967295 * 1000, Date.parse('2106-02-07T06:28:15Z'), Date.parse('2038-01-19T03:14:08Z'),
    ];
    for (let i = 0; i < 2000; i++) times.push(Math.floor((i * 2654435761) % 4294967295) * 1000 + (i % 1000));
    times.forEach((ms, i) => {
      if (i > 0) out.byte(0x7c);
      out.dateTime(ms, 'ts');
    });
    expect(out.bytes().toString('utf8').split('|')).toEqual(times.map((ms) => formatDateTimeUtc(new Date(ms))));
    expect(out.bytes().toString('utf8').slice(0, 19)).toBe('2024-05-01 10:20:30');
    for (const bad of [-1, 4294967295 * 1000 + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const before = out.byteLength;
      const error = caught(() => out.dateTime(bad, 'received_at'));
      expect(error.code).toBe('invalid_date');
      expect(error.message).toMatch(/^column received_at:/);
      expect(out.byteLength).toBe(before);
    }
  });
});

describe('TsvBytes', () => {
  it('writes texts as UTF-8 and grows past its first allocation without losing bytes', () => {
    const out = new TsvBytes(16);
    const parts = ['a\tb\n', 'grüße ✓\n', 'x'.repeat(1000), '\n'];
    for (const part of parts) out.text(part);
    expect(out.bytes().toString('utf8')).toBe(parts.join(''));
    expect(out.byteLength).toBe(Buffer.byteLength(parts.join('')));
  });

  it('copies bytes escaped exactly as tsvEscape escapes their text, with or without characters to escape', () => {
    for (const text of ['{"plain":"json ✓"}', 'tab\there, back\\slash, line\nfeed, cr\r, end\\', '\\\\\t\t\n\r', '']) {
      const out = new TsvBytes(4);
      out.text('<');
      out.escapedBytes(Buffer.from(text));
      out.text('>');
      expect(out.bytes().toString('utf8')).toBe(`<${tsvEscape(text)}>`);
    }
  });

  it('writes fields exactly as the string escapes would: escaped, quoted and plain, ASCII or not', () => {
    const samples = ['', 'plain', "it's", 'a\\b\tc\nd\re', "grüße 'x'\t✓", "ü'\\", '1.8.0', 'x'.repeat(300)];
    for (const text of samples) {
      const out = new TsvBytes(4);
      out.escaped(text);
      out.byte(0x7c);
      out.quoted(text);
      out.byte(0x7c);
      out.plain(text);
      expect(out.bytes().toString('utf8')).toBe(`${tsvEscape(text)}|${tsvQuoted(text)}|${text}`);
    }
    const arrays = new TsvBytes(4);
    arrays.quotedArray(samples);
    arrays.quotedArray([]);
    expect(arrays.bytes().toString('utf8')).toBe(`${tsvStringArray(samples)}[]`);
  });

  it('copies bytes that are not UTF-8 unchanged', () => {
    const out = new TsvBytes();
    out.escapedBytes(Uint8Array.from([0xff, 0xfe, 0x09, 0x00]));
    expect([...out.bytes()]).toEqual([0xff, 0xfe, 0x5c, 0x74, 0x00]);
  });
});

describe('TsvBytes reuse', () => {
  it('detach gives up the buffer; a body built in it again holds only the new bytes', () => {
    const first = new TsvBytes(8);
    first.text('a longer first body\n');
    const buffer = first.detach();
    expect(first.byteLength).toBe(0);
    const second = new TsvBytes(buffer);
    second.plain('x');
    expect(second.bytes().toString()).toBe('x');
  });
});
