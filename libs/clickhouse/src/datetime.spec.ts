import { formatDateTimeUtc, isDateTimeInRange, parseDateTimeUtc, toEpochMillis, toEpochSeconds } from './datetime';

describe('datetime helpers', () => {
  const date = new Date('2024-02-29T07:08:09.999Z');

  it('formats in UTC whatever the process time zone', () => {
    expect(formatDateTimeUtc(date)).toBe('2024-02-29 07:08:09');
    expect(formatDateTimeUtc(new Date(Date.UTC(999, 0, 1)))).toBe('0999-01-01 00:00:00');
  });

  it('converts to epoch seconds (floor) and milliseconds', () => {
    expect(toEpochSeconds(date)).toBe(1709190489);
    expect(toEpochMillis(date)).toBe(1709190489999);
    expect(() => toEpochSeconds(new Date('x'))).toThrow(RangeError);
  });

  it('parses what ClickHouse returns back into the same second', () => {
    expect(parseDateTimeUtc('2024-02-29 07:08:09').toISOString()).toBe('2024-02-29T07:08:09.000Z');
    expect(() => parseDateTimeUtc('2024-02-29T07:08:09Z')).toThrow(RangeError);
  });

  it('knows the DateTime range', () => {
    expect(isDateTimeInRange(new Date(0))).toBe(true);
    expect(isDateTimeInRange(new Date('2106-02-07T06:28:15Z'))).toBe(true);
    expect(isDateTimeInRange(new Date('2106-02-07T06:28:16Z'))).toBe(false);
    expect(isDateTimeInRange(new Date(-1))).toBe(false);
    expect(isDateTimeInRange(new Date('x'))).toBe(false);
  });
});
