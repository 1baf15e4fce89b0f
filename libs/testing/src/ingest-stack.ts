import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ClickHouseStore, ident, sql } from '@app/clickhouse';
import { tcpOpen } from './mosquitto';
import { killOnExit } from './child-cleanup';
import { freePort, waitFor } from './ports';
import { createTestPostgresDatabase, testServices, uniqueName } from './services';
import type { TestDatabase } from './services';

const ROOT = resolve(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');

/** A meter to register: what the system service's `system.device.resolve` answers for its devEui. */
export interface TestMeter {
  devEui: string;
  serial: string;
  vendor: string;
  model: string;
  utility: 'water' | 'gas' | 'heat' | 'electricity';
  codecId: string;
  registerUnit: string;
}

export interface IngestStackOptions {
  /** The broker ingest subscribes to (a private TestMosquitto in the fault tests). */
  mqttUrl: string;
  /** The ClickHouse server (a private TestClickHouseServer, or the machine's). */
  clickhouseUrl?: string;
  /** Environment for every ingest instance (INGEST_WAL_SYNC, batch settings, ...). */
  ingestEnv?: Record<string, string>;
  /** LOG_LEVEL of ingest (default info; the system service logs at info: the harness waits for its start line). */
  logLevel?: string;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  lines: string[];
}

/** One ingest instance of the stack: its INSTANCE_ID, its write-ahead directory and metrics port. */
export interface IngestInstance {
  id: string;
  walDir: string;
  metricsPort: number;
}

/**
 * The ingest path as real processes from dist/: a private redis-server (the RPC transport, the device cache and
 * the registry change stream of this stack only), a throwaway PostgreSQL database with the system schema and a
 * registry of test meters, a fresh ClickHouse database with the platform migrations (`dist/tools/migrate.js`), the
 * system service (answers `system.device.resolve`) and any number of ingest instances, each with its own
 * INSTANCE_ID, write-ahead directory and metrics port, that can be SIGKILLed and restarted on the same directory.
 */
export class IngestStack {
  readonly tenantId = '00000000-0000-4000-8000-00000000e2e1';
  readonly ingests = new Map<string, IngestInstance>();
  private readonly processes = new Map<string, Running>();
  private readonly outputs = new Map<string, string[]>();
  private redis?: ChildProcess;
  readonly clickhouse: ClickHouseStore;

  private constructor(
    readonly env: Record<string, string>,
    readonly dir: string,
    private readonly database: TestDatabase,
    private readonly options: IngestStackOptions,
  ) {
    this.clickhouse = new ClickHouseStore({ url: env.CLICKHOUSE_URL, database: env.CLICKHOUSE_DB, requestTimeoutMs: 60_000 });
  }

  get clickhouseDb(): string {
    return this.env.CLICKHOUSE_DB;
  }

  static async start(options: IngestStackOptions): Promise<IngestStack> {
    for (const file of ['apps/ingest/src/main.js', 'apps/system/src/main.js', 'tools/migrate.js']) {
      if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before these tests`);
    }
    const [redisPort, database] = await Promise.all([freePort(), createTestPostgresDatabase('headend_ingest')]);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'test',
      LOG_LEVEL: options.logLevel ?? 'info',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_URL: database.url,
      CLICKHOUSE_URL: options.clickhouseUrl ?? testServices.clickhouseUrl,
      CLICKHOUSE_DB: uniqueName('headend_ingest'),
      MQTT_URL: options.mqttUrl,
      RPC_TIMEOUT_MS: '5000',
    };
    const stack = new IngestStack(env, mkdtempSync(join(tmpdir(), 'headend-ingest-stack-')), database, options);
    try {
      await stack.startRedis(redisPort);
      stack.migrate();
      await stack.createTenant();
      stack.startProcess('system', join(DIST, 'apps', 'system', 'src', 'main.js'), { INSTANCE_ID: `${env.CLICKHOUSE_DB}-system`, LOG_LEVEL: 'info' });
      await stack.waitForLog('system', (line) => line.includes('listening on the Redis transport'), 30_000);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private async startRedis(port: number): Promise<void> {
    this.redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    killOnExit(this.redis);
    await waitFor('the stack Redis', () => tcpOpen(port), 10_000, 50);
  }

  /** PostgreSQL schemas and the ClickHouse tables, as `npm run migrate` does in production. */
  private migrate(): void {
    const result = spawnSync(process.execPath, [join(DIST, 'tools', 'migrate.js')], { env: this.env, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`migrate failed (${result.status}): ${result.stderr}${result.stdout.slice(-2000)}`);
  }

  private async withPg<T>(action: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return await action(client);
    } finally {
      await client.end();
    }
  }

  private async createTenant(): Promise<void> {
    await this.withPg((client) => client.query(`INSERT INTO "system"."tenants" ("id", "slug", "name") VALUES ($1, 'ingest-test', 'Ingest test utility')`, [this.tenantId]));
  }

  /**
   * Registers meters (installed, multiplier 1) straight into the system schema, 500 a statement, as
   * tools/seed-registry.ts writes the demo registry. Answers devEui -> meter id.
   */
  async registerMeters(meters: readonly TestMeter[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    await this.withPg(async (client) => {
      for (let start = 0; start < meters.length; start += 500) {
        const chunk = meters.slice(start, start + 500);
        const params: unknown[] = [this.tenantId];
        const values = chunk.map((m) => {
          const at = params.length;
          params.push(m.serial, m.vendor, m.model, m.utility, m.codecId, m.devEui.toLowerCase(), m.registerUnit);
          return `($1, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, 'installed', $${at + 6}, 1, $${at + 7}, now())`;
        });
        const rows = await client.query<{ id: string; dev_eui: string }>(
          `INSERT INTO "system"."meters" ("tenant_id", "serial", "vendor", "model", "utility", "codec_id", "status", "dev_eui", "multiplier", "register_unit", "installed_at")
           VALUES ${values.join(', ')} RETURNING "id", "dev_eui"`,
          params,
        );
        for (const row of rows.rows) ids.set(row.dev_eui, row.id);
      }
    });
    return ids;
  }

  private startProcess(name: string, script: string, env: Record<string, string>, args: string[] = []): Running {
    if (this.processes.has(name)) throw new Error(`${name} is already running`);
    const child = spawn(process.execPath, [...args, script], { env: { ...this.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
    killOnExit(child);
    const previous = this.output(name);
    const running: Running = { child, exited: new Promise((done) => child.once('exit', () => done())), lines: previous };
    const collect = (chunk: Buffer) => running.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.outputs.set(name, running.lines);
    this.processes.set(name, running);
    void running.exited.then(() => {
      if (this.processes.get(name) === running) this.processes.delete(name);
    });
    return running;
  }

  /** Every output line of a process so far (across its restarts). */
  output(name: string): string[] {
    return this.outputs.get(name) ?? [];
  }

  async waitForLog(name: string, test: (line: string) => boolean, timeoutMs = 10_000): Promise<string> {
    return waitFor(`a log line of ${name}`, async () => {
      const found = this.output(name).find(test);
      if (found) return found;
      if (!this.processes.has(name)) throw new Error(`${name} is not running: ${this.output(name).slice(-10).join('\n')}`);
      return undefined;
    }, timeoutMs, 50);
  }

  /**
   * Starts an ingest instance (first time: a fresh write-ahead directory and metrics port; again after a kill:
   * the same ones, so it recovers its buffer). `nodeArgs` e.g. ['--cpu-prof'] for the benchmark.
   */
  async startIngest(id = 'a', env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<IngestInstance> {
    let instance = this.ingests.get(id);
    if (!instance) {
      instance = { id, walDir: mkdtempSync(join(this.dir, `wal-${id}-`)), metricsPort: await freePort() };
      this.ingests.set(id, instance);
    }
    this.startProcess(`ingest-${id}`, join(DIST, 'apps', 'ingest', 'src', 'main.js'), {
      INSTANCE_ID: `${this.clickhouseDb}-${id}`,
      INGEST_WAL_DIR: instance.walDir,
      INGEST_METRICS_PORT: String(instance.metricsPort),
      INGEST_METRICS_HOST: '127.0.0.1',
      ...this.options.ingestEnv,
      ...env,
    }, nodeArgs);
    return instance;
  }

  /** The MQTT client id of an instance, as ingest builds it (`headend-ingest-${INSTANCE_ID}`). */
  ingestClientId(id = 'a'): string {
    return `headend-ingest-${this.clickhouseDb}-${id}`.slice(0, 64);
  }

  /** The process id of a running process (`system`, `ingest-<id>`), for CPU accounting. */
  pid(name: string): number | undefined {
    return this.processes.get(name)?.child.pid;
  }

  isRunning(name: string): boolean {
    return this.processes.has(name);
  }

  /** Kills a process (SIGKILL by default: no shutdown hook runs) and waits until it is gone. */
  async killProcess(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.processes.get(name);
    if (!running) return;
    running.child.kill(signal);
    const forced = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
    await running.exited;
    clearTimeout(forced);
    this.processes.delete(name);
  }

  killIngest(id = 'a', signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return this.killProcess(`ingest-${id}`, signal);
  }

  /** The instance's Prometheus text, or undefined while it does not answer. */
  async metrics(id = 'a'): Promise<string | undefined> {
    const instance = this.ingests.get(id);
    if (!instance) return undefined;
    try {
      const response = await fetch(`http://127.0.0.1:${instance.metricsPort}/metrics`, { signal: AbortSignal.timeout(3000) });
      return response.ok ? await response.text() : undefined;
    } catch {
      return undefined;
    }
  }

  /** The sum of a metric's samples (every label set) on an instance's /metrics, or undefined while it does not answer. */
  async metricSum(id: string, name: string): Promise<number | undefined> {
    const text = await this.metrics(id);
    if (text === undefined) return undefined;
    let sum = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return sum;
  }

  /** Stops every process (SIGTERM, then SIGKILL), drops the databases and removes the directories. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.processes.keys()].map((name) => this.killProcess(name, 'SIGTERM')));
    this.redis?.kill('SIGKILL');
    this.redis = undefined;
    await Promise.allSettled([
      this.database.drop(),
      this.clickhouse.command(sql`DROP DATABASE IF EXISTS ${ident(this.clickhouseDb)}`).catch(() => undefined),
    ]);
    await this.clickhouse.close().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
