import fc from 'fast-check';
import { parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-02T10:15:30+00:00', '2026-03-02T10:15:30.000Z'],
    ['2026-03-02T10:15:30.5+00:00', '2026-03-02T10:15:30.500Z'],
    ['2026-03-02T10:15:30.12+00:00', '2026-03-02T10:15:30.120Z'],
    ['2026-03-02T10:15:30.123+00:00', '2026-03-02T10:15:30.123Z'],
    ['2026-03-02T10:15:30.551292+00:00', '2026-03-02T10:15:30.551Z'],
    ['2026-03-02T10:15:30.123456789+00:00', '2026-03-02T10:15:30.123Z'],
    ['2026-03-02T10:15:30.999999999+00:00', '2026-03-02T10:15:30.999Z'],
    ['2026-03-02T10:15:30.000000001+00:00', '2026-03-02T10:15:30.000Z'],
    ['2026-03-02T10:15:30Z', '2026-03-02T10:15:30.000Z'],
    ['2026-03-02t10:15:30.1z', '2026-03-02T10:15:30.100Z'],
    ['2026-03-02T12:15:30+02:00', '2026-03-02T10:15:30.000Z'],
    ['2026-03-02T05:45:30.25-04:30', '2026-03-02T10:15:30.250Z'],
    ['2024-02-29T00:00:00+00:00', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00+00:00', '2000-02-29T00:00:00.000Z'],
    ['1980-01-06T00:00:00+00:00', '1980-01-06T00:00:00.000Z'],
    ['0001-01-01T00:00:00+00:00', '0001-01-01T00:00:00.000Z'],
    ['2016-12-31T23:59:60+00:00', '2017-01-01T00:00:00.000Z'],
  ])('parses %s', (text, iso) => {
    const t = parseTimestamp(text);
    expect(t).toEqual({ text, epochMs: Date.parse(iso) });
    expect(t && new Date(t.epochMs).toISOString()).toBe(iso);
  });

  it.each([
    '2026-03-02T10:15:30',
    '2026-03-02 10:15:30+00:00',
    '2026-03-02T10:15:30.+00:00',
    '2026-03-02T10:15:30.1234567890+00:00',
    '2026-03-02T10:15:30+0000',
    '2026-03-02T10:15:30+00',
    '2026-13-02T10:15:30+00:00',
    '2026-00-02T10:15:30+00:00',
    '2026-02-29T10:15:30+00:00',
    '1900-02-29T10:15:30+00:00',
    '2026-04-31T10:15:30+00:00',
    '2026-03-00T10:15:30+00:00',
    '2026-03-02T24:00:00+00:00',
    '2026-03-02T10:60:00+00:00',
    '2026-03-02T10:15:61+00:00',
    '2026-03-02T10:15:30+24:00',
    '2026-03-02T10:15:30+00:60',
    '+2026-03-02T10:15:30+00:00',
    '2026-3-2T10:15:30+00:00',
    '２026-03-02T10:15:30+00:00',
    ' 2026-03-02T10:15:30+00:00',
    '2026-03-02T10:15:30+00:00\n',
    '1709374530',
    '',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('agrees with Date.parse on random timestamps with 0-9 fraction digits and any offset', () => {
    const pad = (v: number, n = 2) => String(v).padStart(n, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 11, 31) }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (ms, count, nanos, offset) => {
          const d = new Date(ms);
          const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
          const head = `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
          const fraction = String(nanos).padStart(9, '0').slice(0, count);
          const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const text = `${head}${count ? `.${fraction}` : ''}${zone}`;
          const reference = Date.parse(`${head}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`);
          expect(parseTimestamp(text)).toEqual({ text, epochMs: reference });
        },
      ),
      { numRuns: 5000, seed: 11 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]{8,20}([Zz]|[+-][0-9:]{5})?$/)), (text) => {
        const t = parseTimestamp(text);
        if (t) expect(Number.isInteger(t.epochMs)).toBe(true);
      }),
      { numRuns: 5000, seed: 12 },
    );
  });
});
