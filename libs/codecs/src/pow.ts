/**
 * Integer powers of 2 and 10 from tables: Node 20's V8 takes tens of nanoseconds for `**` or
 * Math.pow with a variable exponent, the codecs need one per value. The tables hold what `**`
 * gives, so the results are the same; exponents outside them (or not integers) use `**`.
 */
const POW2 = Array.from({ length: 129 }, (_, i) => 2 ** (i - 64));
const POW10 = Array.from({ length: 65 }, (_, i) => 10 ** (i - 32));

/** `2 ** n`. */
export function pow2(n: number): number {
  return POW2[n + 64] ?? 2 ** n;
}

/** `10 ** n`. */
export function pow10(n: number): number {
  return POW10[n + 32] ?? 10 ** n;
}
