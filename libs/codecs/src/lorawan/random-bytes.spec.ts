import fc from 'fast-check';
import { CodecError } from '../errors';
import { hexToBytes } from '../reader';
import { getCodec, listCodecs } from '../registry';
import { lorawanVectors } from '../../test/vectors';
import { shapeProblems } from '../../test/well-formed';

/**
 * Property: whatever bytes arrive on whatever port, a codec either returns a well-formed payload or
 * throws a CodecError with a reason. Never a TypeError, never NaN or undefined in the output.
 */
const codecs = listCodecs().filter((meta) => meta.protocol === 'lorawan');

describe('every LoRaWAN codec under random bytes', () => {
  it('has codecs to test', () => {
    expect(codecs.length).toBeGreaterThan(0);
  });

  it.each(codecs.map((meta) => [meta.id]))('%s: returns a well-formed payload or throws a CodecError', (id) => {
    const codec = getCodec(id);
    const ports = codec.meta.fPorts.length ? codec.meta.fPorts : [1];
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ports), fc.integer({ min: 1, max: 255 })),
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        (fPort, bytes) => {
          try {
            const decoded = codec.decode({ bytes, fPort, recvTime: '2026-01-01T00:00:00.000Z' });
            const problems = shapeProblems(decoded);
            if (problems.length) throw new Error(`malformed output for ${Buffer.from(bytes).toString('hex')}@${fPort}: ${problems.join(', ')}`);
          } catch (error) {
            if (!(error instanceof CodecError)) throw error;
            if (!error.message) throw new Error('CodecError without a reason');
          }
        },
      ),
      { numRuns: 1500, seed: 20261126 },
    );
  });
});

describe('every LoRaWAN vector, truncated and mutated', () => {
  // Random bytes rarely reach deep branches; real payloads cut short or with a byte changed do.
  const known = new Set(codecs.map((m) => m.id));
  const vectors = lorawanVectors().filter((v) => known.has(v.codec));

  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    const codec = getCodec(vector.codec);
    const original = hexToBytes(vector.hex);
    const check = (bytes: Uint8Array) => {
      try {
        const problems = shapeProblems(codec.decode({ bytes, fPort: vector.fPort, recvTime: vector.recvTime ?? '2026-01-01T00:00:00.000Z' }));
        if (problems.length) throw new Error(`${Buffer.from(bytes).toString('hex')}: ${problems.join(', ')}`);
      } catch (error) {
        if (!(error instanceof CodecError)) throw error;
      }
    };
    for (let n = 0; n < original.length; n++) check(original.subarray(0, n));
    fc.assert(
      fc.property(fc.nat({ max: Math.max(0, original.length - 1) }), fc.integer({ min: 0, max: 255 }), (index, value) => {
        const mutated = Uint8Array.from(original);
        if (mutated.length) mutated[index] = value;
        check(mutated);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
