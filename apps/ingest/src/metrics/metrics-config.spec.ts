import { ingestConfigSchema } from '../config';

describe('ingest metrics configuration', () => {
  it('listens on 0.0.0.0:9464 by default', () => {
    const config = ingestConfigSchema.parse({});
    expect(config.INGEST_METRICS_PORT).toBe(9464);
    expect(config.INGEST_METRICS_HOST).toBe('0.0.0.0');
  });

  it('accepts 0 (no listener) and a host', () => {
    const config = ingestConfigSchema.parse({ INGEST_METRICS_PORT: '0', INGEST_METRICS_HOST: '127.0.0.1' });
    expect(config.INGEST_METRICS_PORT).toBe(0);
    expect(config.INGEST_METRICS_HOST).toBe('127.0.0.1');
  });

  it.each(['70000', '-1', 'abc', '94.5'])('refuses INGEST_METRICS_PORT=%s naming the variable', (value) => {
    const result = ingestConfigSchema.safeParse({ INGEST_METRICS_PORT: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['INGEST_METRICS_PORT']);
  });

  it('refuses an empty INGEST_METRICS_HOST', () => {
    const result = ingestConfigSchema.safeParse({ INGEST_METRICS_HOST: '' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['INGEST_METRICS_HOST']);
  });
});

describe('ingest batch configuration', () => {
  it('closes batches at 25,000 messages or 32 MiB by default', () => {
    const config = ingestConfigSchema.parse({});
    expect(config.INGEST_BATCH_MAX_RECORDS).toBe(25_000);
    expect(config.INGEST_BATCH_MAX_BYTES).toBe(32 * 1024 * 1024);
    expect(ingestConfigSchema.parse({ INGEST_BATCH_MAX_BYTES: '1048576' }).INGEST_BATCH_MAX_BYTES).toBe(1_048_576);
  });

  it.each(['1000', '0', 'lots', String(1024 ** 3)])('refuses INGEST_BATCH_MAX_BYTES=%s naming the variable', (value) => {
    const result = ingestConfigSchema.safeParse({ INGEST_BATCH_MAX_BYTES: value });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['INGEST_BATCH_MAX_BYTES']);
  });
});
