import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import {
  DEVELOPMENT_JWT_SECRET,
  authVariables,
  clickhouseVariables,
  coreVariables,
  gatewayVariables,
  postgresVariables,
  redactConfig,
  withProductionSecrets,
} from './variables';

const schema = z.object({ ...coreVariables, ...postgresVariables, ...clickhouseVariables, ...gatewayVariables });

describe('loadConfig', () => {
  it('gives working development defaults for an empty environment', () => {
    const config = loadConfig('test', schema, {});
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/headend');
    expect(config.CLICKHOUSE_URL).toBe('http://127.0.0.1:8123');
    expect(config.GATEWAY_PORT).toBe(3000);
    expect(config.MONGO_URL).toBeUndefined();
  });

  it('coerces numbers and treats empty strings as unset', () => {
    const config = loadConfig('test', schema, { GATEWAY_PORT: '8080', RPC_TIMEOUT_MS: ' ', MONGO_URL: '' });
    expect(config.GATEWAY_PORT).toBe(8080);
    expect(config.RPC_TIMEOUT_MS).toBe(5000);
    expect(config.MONGO_URL).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig('gateway', schema, {
        GATEWAY_PORT: 'eighty',
        REDIS_URL: 'http://not-redis',
        DATABASE_URL: 'nonsense',
        LOG_LEVEL: 'loud',
        CLICKHOUSE_DB: 'drop table',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      ['CLICKHOUSE_DB', 'DATABASE_URL', 'GATEWAY_PORT', 'LOG_LEVEL', 'REDIS_URL'].sort(),
    );
    expect(error.message).toContain('Invalid configuration for gateway');
    expect(error.message).toMatch(/REDIS_URL: must be a URL with scheme redis:\/\/ or rediss:\/\//);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig('t', schema, { GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
  });
});

describe('redactConfig', () => {
  it('hides secrets and passwords inside URLs, keeps the rest', () => {
    const redacted = redactConfig({
      DATABASE_URL: 'postgres://app:hunter2@db:5432/headend',
      CLICKHOUSE_PASSWORD: 'ch-secret',
      JWT_SECRET: 'jwt-secret',
      CLICKHOUSE_PASSWORD_EMPTY: '',
      GATEWAY_PORT: 3000,
    });
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('ch-secret');
    expect(text).not.toContain('jwt-secret');
    expect(redacted.DATABASE_URL).toBe('postgres://app:***@db:5432/headend');
    expect(redacted.GATEWAY_PORT).toBe(3000);
  });
});

describe('JWT_SECRET', () => {
  const withJwt = withProductionSecrets(z.object({ ...coreVariables, ...authVariables, ...gatewayVariables }));

  it('defaults to the development secret outside production', () => {
    expect(loadConfig('t', withJwt, {}).JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadConfig('t', withJwt, { NODE_ENV: 'test' }).JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('is required in production, and named together with every other bad variable', () => {
    let caught: unknown;
    try {
      loadConfig('gateway', withJwt, { NODE_ENV: 'production', GATEWAY_PORT: 'eighty' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['GATEWAY_PORT', 'JWT_SECRET']);
    expect((caught as ConfigError).message).toMatch(/JWT_SECRET: required when NODE_ENV=production/);
  });

  it('needs at least 32 characters', () => {
    expect(() => loadConfig('t', withJwt, { JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
    const secret = 'a'.repeat(64);
    expect(loadConfig('t', withJwt, { NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
  });
});
