import { DEVELOPMENT_SECRETS_KEY, loadConfig } from '@app/common';
import { systemConfigSchema } from './config';

describe('system config: SECRETS_KEY', () => {
  const secret = 'x'.repeat(40);

  it('has a development default outside production only', () => {
    expect(loadConfig('system', systemConfigSchema, {}).SECRETS_KEY).toBe(DEVELOPMENT_SECRETS_KEY);
    expect(() => loadConfig('system', systemConfigSchema, { NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(/SECRETS_KEY: required when NODE_ENV=production/);
    const key = 'ab'.repeat(32);
    expect(loadConfig('system', systemConfigSchema, { NODE_ENV: 'production', JWT_SECRET: secret, SECRETS_KEY: key }).SECRETS_KEY).toBe(key);
  });

  it('must be 64 hex characters', () => {
    expect(() => loadConfig('system', systemConfigSchema, { SECRETS_KEY: 'change-me-openssl-rand-hex-32' })).toThrow(/SECRETS_KEY: must be 64 hex characters/);
  });
});
