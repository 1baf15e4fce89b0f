import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_NAMES } from '@app/contracts';

const ROOT = resolve(__dirname, '..', '..');

describe('config validated at boot', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/apps/gateway/src/main.js'))) throw new Error('run `npm run build` first');
  });

  it.each(APP_NAMES)('%s stops with a message naming every bad variable', (app) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/apps', app, 'src/main.js')], {
      env: {
        PATH: process.env.PATH,
        REDIS_URL: 'http://wrong-scheme',
        LOG_LEVEL: 'chatty',
        RPC_TIMEOUT_MS: '-5',
        GATEWAY_PORT: 'eighty',
        DATABASE_URL: 'mysql://nope',
        CLICKHOUSE_URL: 'not a url',
        MQTT_URL: 'gopher://x',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(`Invalid configuration for ${app}`);
    const expected = ['REDIS_URL', 'LOG_LEVEL', 'RPC_TIMEOUT_MS'];
    if (app === 'gateway') expected.push('GATEWAY_PORT');
    if (['system', 'metering', 'billing', 'analytics'].includes(app)) expected.push('DATABASE_URL');
    if (['metering', 'analytics', 'ingest'].includes(app)) expected.push('CLICKHOUSE_URL');
    if (['metering', 'ingest'].includes(app)) expected.push('MQTT_URL');
    for (const variable of expected) expect(result.stderr).toContain(`  - ${variable}:`);
    expect(result.stderr.match(/^ {2}- /gm)).toHaveLength(expected.length);
  });
});

describe('JWT_SECRET in production', () => {
  it.each(['gateway', 'system'])('%s refuses to start without it, and with one shorter than 32 characters', (app) => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/apps', app, 'src/main.js')], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const missing = run({});
    expect(missing.status).toBe(78);
    expect(missing.stderr).toMatch(/ {2}- JWT_SECRET: required when NODE_ENV=production/);
    const short = run({ JWT_SECRET: 'too-short' });
    expect(short.status).toBe(78);
    expect(short.stderr).toMatch(/ {2}- JWT_SECRET: must be at least 32 characters/);
  });
});
