import fc from 'fast-check';
import { IsoTimes } from './rows';

describe('IsoTimes', () => {
  it('equals Date.parse for every toISOString text, whatever order the days come in', () => {
    const times = new IsoTimes();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -62_000_000_000_000, max: 8_000_000_000_000 }), { minLength: 1, maxLength: 20 }), (list) => {
        for (const ms of list) {
          const iso = new Date(ms).toISOString();
          expect(times.parse(iso)).toBe(Date.parse(iso));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('equals Date.parse on texts of the same length that are not that shape, or hold fields out of range', () => {
    const times = new IsoTimes();
    times.parse('2026-11-26T10:00:00.000Z'); // the day is remembered
    const texts = [
      '2026-11-26T24:00:00.000Z', '2026-11-26T23:60:00.000Z', '2026-11-26T23:59:60.000Z', '2026-11-26T1x:00:00.000Z',
      '2026-11-26T10:00:00.00xZ', '2026-11-26T10:00:00.000+', '2026-11-26 10:00:00.000Z', '2026-02-30T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z', 'xxxx-11-26T10:00:00.000Z', '2026-11-26T10:00:00,000Z', '2024-02-29T00:00:00.000Z',
      '2026-11-26T10:00:00Z', '2026-11-26T10:00:00.000+02:00', '', 'yesterday', '2026/11/26T10:00:00.000Z', '+02026-11-2T10:00:00.000Z',
      '2026-1-26T10:00:00.0000Z', '2026-11-26T10:00:00.000Z ',
    ];
    for (const text of texts) expect([text, times.parse(text)]).toEqual([text, Date.parse(text)]);
    expect(times.parse('2026-11-26T10:00:00.123Z')).toBe(Date.UTC(2026, 10, 26, 10, 0, 0, 123));
  });
});
