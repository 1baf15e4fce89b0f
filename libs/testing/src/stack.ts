import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppName, HealthReport } from '@app/contracts';
import { APP_NAMES } from '@app/contracts';
import { freePort, waitFor } from './ports';
import { createTestPostgresDatabase, dropClickHouseDatabase, testServices, uniqueName } from './services';
import type { TestDatabase } from './services';

function withPassword(url: string, password: string | undefined): string {
  if (!password) return url;
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

const ROOT = resolve(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');

export interface StackOptions {
  /** Extra environment for every app (e.g. a password inside DATABASE_URL). */
  env?: Record<string, string>;
  /** Apps to start (default all six). */
  apps?: readonly AppName[];
  /** Serve the built console (default false: API only). */
  ui?: boolean;
  /** Environment for the apps only (not the migration step), e.g. a store address that does not answer. */
  appEnv?: Record<string, string>;
  /** The health status to wait for after start (default 200). */
  expectHealth?: 200 | 503;
  /** A password put into DATABASE_URL (local PostgreSQL trusts and ignores it): for secret-leak checks. */
  databasePassword?: string;
}

export interface LogLine {
  level?: string;
  msg?: string;
  correlationId?: string;
  [key: string]: unknown;
}

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * The whole platform as real processes from dist/, on its own Redis server (so RPC traffic of a
 * test never meets a developer's running stack), a throwaway PostgreSQL database and ClickHouse
 * database, and a free gateway port. Migrations run first, as in production.
 */
export class Stack {
  readonly processes = new Map<AppName, Running>();
  readonly output = new Map<AppName, string[]>();
  private redis?: ChildProcess;

  private constructor(
    readonly env: Record<string, string>,
    readonly gatewayUrl: string,
    private readonly database: TestDatabase,
    private readonly clickhouseDb: string,
    private readonly appEnv: Record<string, string>,
  ) {}

  static async start(options: StackOptions = {}): Promise<Stack> {
    for (const file of ['apps/gateway/src/main.js', 'tools/migrate.js', 'tools/seed.js']) {
      if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before the e2e tests`);
    }
    const [redisPort, gatewayPort, metricsPort, database] = await Promise.all([freePort(), freePort(), freePort(), createTestPostgresDatabase('headend_e2e')]);
    const clickhouseDb = uniqueName('headend_e2e');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_URL: withPassword(database.url, options.databasePassword),
      CLICKHOUSE_URL: testServices.clickhouseUrl,
      CLICKHOUSE_DB: clickhouseDb,
      MQTT_URL: testServices.mqttUrl,
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_HOST: '127.0.0.1',
      // Ingest's Prometheus listener: its own port per stack (the default 9464 would collide between stacks).
      INGEST_METRICS_PORT: String(metricsPort),
      INGEST_METRICS_HOST: '127.0.0.1',
      // The machine's broker is shared: each stack's ingest has its own share group (so it gets every message its
      // test publishes), a short-lived session (so a stopped stack leaves no queue growing on the broker) and its
      // own write-ahead buffer directory.
      INGEST_SHARE_GROUP: clickhouseDb,
      INGEST_MQTT_SESSION_EXPIRY_SECONDS: '30',
      INGEST_WAL_DIR: join(tmpdir(), `${clickhouseDb}-ingest-wal`),
      UI_DIST: options.ui ? join(ROOT, 'ui', 'dist') : join(ROOT, 'ui', 'no-console-in-this-test'),
      HEALTH_TIMEOUT_MS: '1000',
      RPC_TIMEOUT_MS: '3000',
      // The demo tenant without the seeded registry: tests create the meters they count.
      SEED_DEMO_REGISTRY: 'false',
      ...(testServices.mongoUrl ? { MONGO_URL: testServices.mongoUrl } : {}),
      ...options.env,
    };
    const stack = new Stack(env, `http://127.0.0.1:${gatewayPort}`, database, clickhouseDb, options.appEnv ?? {});
    try {
      await stack.startRedis(redisPort);
      stack.migrate();
      for (const app of options.apps ?? APP_NAMES) stack.startApp(app);
      await stack.waitForHealth(options.expectHealth ?? 200, 45_000);
    } catch (error) {
      const tail = [...stack.output.entries()].map(([app, lines]) => `--- ${app}\n${lines.slice(-15).join('\n')}`).join('\n');
      await stack.stop();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`);
    }
    return stack;
  }

  /** Stops the stack's own Redis (the RPC transport and BullMQ of this stack only). */
  async stopRedis(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    this.redis = undefined;
    const gone = new Promise((r) => redis.on('exit', r));
    redis.kill('SIGKILL');
    await gone;
  }

  /** Starts the stack's Redis again on the same port. */
  async restartRedis(): Promise<void> {
    await this.stopRedis();
    await this.startRedis(Number(new URL(this.env.REDIS_URL).port));
  }

  private async startRedis(port: number): Promise<void> {
    this.redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor('the stack Redis', async () => {
      const net = await import('node:net');
      return new Promise<boolean>((ok) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          ok(true);
        });
        socket.on('error', () => ok(false));
      });
    }, 10_000);
  }

  /** Migrations, then the seed (platform administrator, demo tenant and its users), as `scripts/up.sh` does. */
  private migrate(): void {
    for (const tool of ['migrate', 'seed']) {
      const result = spawnSync(process.execPath, [join(DIST, 'tools', `${tool}.js`)], { env: this.env, encoding: 'utf8', timeout: 120_000 });
      if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr}${result.stdout.slice(-2000)}`);
    }
  }

  startApp(app: AppName, extraEnv: Record<string, string> = {}): void {
    if (this.processes.has(app)) throw new Error(`${app} is already running`);
    const child = spawn(process.execPath, [join(DIST, 'apps', app, 'src', 'main.js')], {
      env: { INSTANCE_ID: `${this.clickhouseDb}-${app}`, ...this.env, ...this.appEnv, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = this.output.get(app) ?? [];
    this.output.set(app, lines);
    const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    this.processes.set(app, { child, exited });
    void exited.then(() => {
      if (this.processes.get(app)?.child === child) this.processes.delete(app);
    });
  }

  /** Kills one app (SIGKILL by default: no graceful shutdown) and waits for it to be gone. */
  async kill(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.processes.get(app);
    if (!running) return;
    running.child.kill(signal);
    const forced = setTimeout(() => running.child.kill('SIGKILL'), 8000);
    await running.exited;
    clearTimeout(forced);
    this.processes.delete(app);
  }

  async health(): Promise<{ status: number; body: HealthReport }> {
    const response = await fetch(`${this.gatewayUrl}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as HealthReport };
  }

  async waitForHealth(status: 200 | 503, timeoutMs = 30_000): Promise<HealthReport> {
    return waitFor(`health ${status}`, async () => {
      const answer = await this.health();
      return answer.status === status ? answer.body : undefined;
    }, timeoutMs, 250);
  }

  /** Parsed JSON log lines of an app (non-JSON lines are skipped). */
  logs(app: AppName): LogLine[] {
    const out: LogLine[] = [];
    for (const line of this.output.get(app) ?? []) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line) as LogLine);
      } catch {
        // a partial line: skip
      }
    }
    return out;
  }

  /** Waits for a log line of `app` that satisfies `predicate` (logs arrive over a pipe, after the fact). */
  waitForLog(app: AppName, predicate: (line: LogLine) => boolean, timeoutMs = 5000): Promise<LogLine> {
    return waitFor(`a matching ${app} log line`, async () => this.logs(app).find(predicate), timeoutMs, 50);
  }

  rawOutput(app: AppName): string {
    return (this.output.get(app) ?? []).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((app) => this.kill(app, 'SIGTERM')));
    this.redis?.kill('SIGKILL');
    await Promise.allSettled([this.database.drop(), dropClickHouseDatabase(this.clickhouseDb)]);
    if (this.env.INGEST_WAL_DIR) rmSync(this.env.INGEST_WAL_DIR, { recursive: true, force: true });
  }
}
