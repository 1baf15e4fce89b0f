import { isoOfText, isoString } from './iso-time';

describe('isoString', () => {
  it('matches Date.prototype.toISOString', () => {
    const times = [0, -0, 1, 86_399_999, 86_400_000, 951_782_400_000, 951_868_800_000, 4_102_444_800_000, 253_402_300_799_999, 253_402_300_800_000, -1, -62_198_755_200_000, 1.5, 1e15];
    for (let i = 0; i < 20_000; i++) times.push(Math.floor(Math.random() * 253_402_300_800_000));
    for (const ms of times) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('replaces the "Z" by another zone', () => {
    for (const ms of [0, 1_721_822_400_000, 253_402_300_800_000]) expect(isoString(ms, '')).toBe(new Date(ms).toISOString().replace('Z', ''));
  });

  it('throws as Date does for an invalid time', () => {
    expect(() => isoString(NaN)).toThrow(RangeError);
    expect(() => isoString(9e15)).toThrow(RangeError);
  });
});

describe('isoOfText', () => {
  it('matches new Date(text).toISOString()', () => {
    for (const text of ['2019-03-20T00:00:00.000Z', '2019-03-20T00:00:00.000Z', '2024-02-29T23:59:59Z', '2024-06-19', '2024-06-19T13:42:00', '2024-06-19T13:42:00+02:00']) {
      expect(isoOfText(text)).toBe(new Date(text).toISOString());
    }
  });

  it('throws as Date does for text that is no time', () => {
    expect(() => isoOfText('2019-02-30T25:00:00.000Z')).toThrow(RangeError);
  });
});
