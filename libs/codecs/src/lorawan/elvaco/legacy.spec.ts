import { parseDecimal, parseHex } from './legacy';

describe('elvaco legacy number parsing', () => {
  const samples = ['0', '00', '7', '09', '12ab', '0012AB34', 'ffffffffffff', 'fffffffffffff', '123456789012345', '1234567890123456', 'f0a1', '', 'x1', '0x1f', '-12', '12-', ' 12', '1e3', '0012ab'];

  it('parseHex is parseInt(s, 16) for every kind of text', () => {
    for (const s of samples) expect(Object.is(parseHex(s), parseInt(s, 16))).toBe(true);
  });

  it('parseDecimal is parseInt(s) for every kind of text', () => {
    for (const s of samples) expect(Object.is(parseDecimal(s), parseInt(s))).toBe(true);
  });

  it('agrees with parseInt on random hex strings', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const alphabet = '0123456789abcdefABCDEF-x ';
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = rnd(17); i > 0; i--) s += alphabet[rnd(alphabet.length)];
      expect(Object.is(parseHex(s), parseInt(s, 16))).toBe(true);
      expect(Object.is(parseDecimal(s), parseInt(s))).toBe(true);
    }
  });
});
