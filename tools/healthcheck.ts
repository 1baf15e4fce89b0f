/**
 * `node dist/tools/healthcheck.js <app>`: container health check. Exits 0 when the app answers:
 * the gateway over HTTP (`/api/v1/health` answering at all: 503 still means the gateway is alive),
 * a backend service over its `<service>.health.check` pattern on the Redis transport.
 */
import 'reflect-metadata';
import { createRedisClientProxy, createRpcClient } from '@app/common';
import { APP_NAMES, healthPattern, isBackendService } from '@app/contracts';
import type { HealthRpc, RpcClient } from '@app/contracts';
import { loadToolsConfig } from './config';

async function main(): Promise<number> {
  const app = process.argv[2] ?? '';
  if (!(APP_NAMES as readonly string[]).includes(app)) {
    process.stderr.write(`usage: healthcheck <${APP_NAMES.join('|')}>\n`);
    return 2;
  }
  const config = loadToolsConfig();
  if (!isBackendService(app)) {
    const response = await fetch(`http://127.0.0.1:${config.GATEWAY_PORT}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
    process.stdout.write(`gateway answered ${response.status}\n`);
    return response.status === 200 || response.status === 503 ? 0 : 1;
  }
  const proxy = createRedisClientProxy(config.REDIS_URL);
  try {
    const client = createRpcClient(app, proxy, 'healthcheck', 3000) as unknown as RpcClient<Record<string, HealthRpc>>;
    const health = await client.send(healthPattern(app), {});
    process.stdout.write(`${app} ${health.status} (${health.instance})\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${app}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await proxy.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`healthcheck failed: ${String(error)}\n`);
    process.exit(1);
  },
);
