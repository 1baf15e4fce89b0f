import { loadConfig } from '@app/common';
import { ingestConfigSchema, parseLimitsFrom } from '../config';
import { DEFAULT_PARSE_LIMITS } from './dead-letter';

describe('parse limits from the ingest configuration', () => {
  it('defaults to DEFAULT_PARSE_LIMITS', () => {
    expect(parseLimitsFrom(loadConfig('ingest', ingestConfigSchema, {}))).toEqual(DEFAULT_PARSE_LIMITS);
  });

  it('reads INGEST_MAX_MESSAGE_BYTES and INGEST_MAX_FRAME_PAYLOAD_BYTES', () => {
    const config = loadConfig('ingest', ingestConfigSchema, { INGEST_MAX_MESSAGE_BYTES: '131072', INGEST_MAX_FRAME_PAYLOAD_BYTES: '242' });
    expect(parseLimitsFrom(config)).toEqual({ maxMessageBytes: 131072, maxFramePayloadBytes: 242 });
  });

  it.each([
    ['INGEST_MAX_MESSAGE_BYTES', '12'],
    ['INGEST_MAX_MESSAGE_BYTES', 'big'],
    ['INGEST_MAX_FRAME_PAYLOAD_BYTES', '0'],
    ['INGEST_MAX_FRAME_PAYLOAD_BYTES', '1.5'],
  ])('names %s=%s as invalid', (variable, value) => {
    expect(() => loadConfig('ingest', ingestConfigSchema, { [variable]: value })).toThrow(variable);
  });
});
