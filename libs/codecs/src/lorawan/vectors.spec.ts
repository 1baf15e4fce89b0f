import { CodecError } from '../errors';
import { hexToBytes } from '../reader';
import { decodeUplink, hasCodec } from '../registry';
import { ALARM_CODES, CANONICAL_UNITS } from '../types';
import { lorawanVectors } from '../../test/vectors';

/**
 * Every example of the LoRaWAN Device Repository vectors: `vendor` must equal the vendor decoder's
 * output exactly (deep equality, as the repository's own CI compares), errors must be CodecErrors
 * carrying the vendor's message, and the canonical part must be well-formed.
 */
const vectors = lorawanVectors();

describe('LoRaWAN vectors', () => {
  it('has a codec for every model in the vectors', () => {
    const missing = [...new Set(vectors.map((v) => v.codec))].filter((id) => !hasCodec(id));
    expect(missing).toEqual([]);
  });

  describe.each(vectors.filter((v) => hasCodec(v.codec)).map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    const expected = vector.expectedIntended ?? vector.expected;
    const decode = () => decodeUplink(vector.codec, vector.fPort, hexToBytes(vector.hex), vector.recvTime);

    if (expected.errors?.length) {
      it(`fails with the vendor's error: ${expected.errors.join('; ')}`, () => {
        let caught: unknown;
        try {
          decode();
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(CodecError);
        for (const message of expected.errors ?? []) expect((caught as CodecError).message).toContain(message);
      });
      return;
    }

    it('decodes to the vendor output', () => {
      const decoded = decode();
      expect(decoded.codec).toBe(vector.codec);
      expect(decoded.vendor).toEqual(expected.data);
      if (expected.warnings?.length) expect(decoded.warnings).toEqual(expected.warnings);
      else expect(decoded.warnings ?? []).toEqual([]);
    });

    it('has a well-formed canonical part', () => {
      const decoded = decode();
      for (const m of decoded.measurements) {
        expect(typeof m.quantity).toBe('string');
        expect(Number.isFinite(m.value)).toBe(true);
        expect(CANONICAL_UNITS).toContain(m.unit);
        if (m.at !== undefined) expect(new Date(m.at).toISOString()).toBe(m.at);
      }
      for (const alarm of decoded.alarms) expect(ALARM_CODES).toContain(alarm);
    });
  });
});
