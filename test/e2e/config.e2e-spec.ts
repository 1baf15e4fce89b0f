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
    if (app === 'ingest') expected.push('MQTT_URL');
    for (const variable of expected) expect(result.stderr).toContain(`  - ${variable}:`);
    expect(result.stderr.match(/^ {2}- /gm)).toHaveLength(expected.length);
  });
});
