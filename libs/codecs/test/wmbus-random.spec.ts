import fc from 'fast-check';
import { CodecError } from '../src/errors';
import { hexToBytes } from '../src/reader';
import { decodeWmbus } from '../src/wmbus';
import { wmbusVectors } from './vectors';
import { shapeProblems } from './well-formed';

/**
 * Property: the wM-Bus / M-Bus decoder returns a well-formed payload or throws a CodecError for any
 * bytes: random ones, every real telegram cut short, and real telegrams with a byte changed.
 */
function check(bytes: Uint8Array, key?: Uint8Array): void {
  try {
    const problems = shapeProblems(decodeWmbus(bytes, key ? { key } : {}));
    if (problems.length) throw new Error(`${Buffer.from(bytes).toString('hex')}: ${problems.join(', ')}`);
  } catch (error) {
    if (!(error instanceof CodecError)) {
      throw new Error(`${Buffer.from(bytes).toString('hex')}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
}

describe('wM-Bus decoder under random and damaged input', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => check(bytes)), { numRuns: 5000, seed: 42 });
  });

  it('random bytes shaped like a telegram (L-field and C-field right)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 200 }), fc.constantFrom(0x44, 0x46, 0x08), (body, c) => {
        const bytes = Uint8Array.from([body.length + 1, c, ...body]);
        check(bytes);
      }),
      { numRuns: 5000, seed: 43 },
    );
  });

  const vectors = wmbusVectors();
  it.each(vectors.map((v) => [v.id, v] as const))('%s truncated and mutated', (_id, vector) => {
    const bytes = hexToBytes(vector.hex);
    const key = vector.key !== 'NOKEY' && vector.key.length === 32 ? hexToBytes(vector.key) : undefined;
    for (let n = 0; n < bytes.length; n += Math.max(1, Math.floor(bytes.length / 40))) check(bytes.subarray(0, n), key);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (index, value) => {
        const mutated = Uint8Array.from(bytes);
        mutated[index] = value;
        check(mutated, key);
      }),
      { numRuns: 60, seed: 44 },
    );
  });
});
