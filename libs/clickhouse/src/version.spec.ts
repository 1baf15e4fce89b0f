import { parseServerVersion, versionAtLeast } from './version';

describe('server version', () => {
  it('parses the forms servers report', () => {
    expect(parseServerVersion('18.16.1')).toEqual({ major: 18, minor: 16, patch: 1, text: '18.16.1' });
    expect(parseServerVersion('24.8.4.13')).toMatchObject({ major: 24, minor: 8, patch: 4 });
    expect(parseServerVersion('26.7')).toMatchObject({ major: 26, minor: 7, patch: 0 });
    expect(parseServerVersion('23.3.1.2823-lts\n')).toMatchObject({ major: 23, minor: 3, text: '23.3.1.2823-lts' });
  });

  it('refuses text that is not a version', () => {
    expect(() => parseServerVersion('ClickHouse')).toThrow(/unrecognised/);
    expect(() => parseServerVersion('')).toThrow(/unrecognised/);
  });

  it('compares major, then minor, then patch', () => {
    const v = parseServerVersion('18.16.1');
    expect(versionAtLeast(v, 18, 16)).toBe(true);
    expect(versionAtLeast(v, 18, 16, 1)).toBe(true);
    expect(versionAtLeast(v, 18, 16, 2)).toBe(false);
    expect(versionAtLeast(v, 18, 17)).toBe(false);
    expect(versionAtLeast(v, 20, 3)).toBe(false);
    expect(versionAtLeast(v, 1, 99)).toBe(true);
    expect(versionAtLeast(parseServerVersion('20.3.0'), 20, 3)).toBe(true);
    expect(versionAtLeast(parseServerVersion('21.1'), 20, 99)).toBe(true);
  });
});
