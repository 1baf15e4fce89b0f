import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killOnExit } from './child-cleanup';
import { freePort, waitFor } from './ports';

/** The machine's ClickHouse server binary (the Debian package of 18.16). */
const CLICKHOUSE_SERVER = process.env.TEST_CLICKHOUSE_SERVER_BIN ?? 'clickhouse-server';

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default>
  </quotas>
</yandex>
`;

function configXml(dir: string, ports: { http: number; tcp: number; interserver: number }): string {
  return `<?xml version="1.0"?>
<!-- Written by libs/testing/src/clickhouse-server.ts: a private server for one test. -->
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>100M</size><count>1</count></logger>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>50</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/data/tmp/</tmp_path>
  <user_files_path>${dir}/data/user_files/</user_files_path>
  <format_schema_path>${dir}/data/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
</yandex>
`;
}

/**
 * A private ClickHouse server (the machine's clickhouse-server binary, its own config, ports and data
 * directory under a temporary directory), so a test can stop "ClickHouse" in the middle of a stream without
 * touching the server other tests share on 8123. `stop()` is SIGTERM with a short grace before SIGKILL (as a
 * service manager does), `start()` again keeps the port and the data.
 */
export class TestClickHouseServer {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly output: string[] = [];

  private constructor(
    readonly dir: string,
    readonly httpPort: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  static async start(): Promise<TestClickHouseServer> {
    const dir = mkdtempSync(join(tmpdir(), 'headend-clickhouse-'));
    const [http, tcp, interserver] = [await freePort(), await freePort(), await freePort()];
    writeFileSync(join(dir, 'users.xml'), USERS_XML);
    writeFileSync(join(dir, 'config.xml'), configXml(dir, { http, tcp, interserver }));
    const server = new TestClickHouseServer(dir, http);
    try {
      await server.start();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  /** Starts (or restarts) the server and waits until it answers a query. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${join(this.dir, 'config.xml')}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    killOnExit(child);
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    void this.exited.then(() => {
      if (this.child === child) this.child = undefined;
    });
    await this.waitReady(child);
  }

  private async waitReady(child: ChildProcess): Promise<void> {
    await waitFor(`ClickHouse on port ${this.httpPort}`, async () => {
      if (child.exitCode !== null) throw new Error(`clickhouse-server exited (${child.exitCode}): ${this.output.slice(-5).join(' | ')}`);
      const response = await fetch(`${this.url}/?query=SELECT%201`, { signal: AbortSignal.timeout(2000) });
      return response.ok && (await response.text()).trim() === '1';
    }, 30_000, 100);
  }

  private async signal(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(forced);
    this.child = undefined;
  }

  /**
   * SIGTERM, then SIGKILL if the process is still there after `graceMs`, as a service manager's stop timeout does.
   * The grace is short by default because under a steady insert stream ClickHouse 18.16 keeps serving its open
   * keep-alive connections after SIGTERM until they fall idle (measured: 17 s, until the stream ended), so a
   * plain SIGTERM would not take it away in the middle of a stream.
   */
  stop(graceMs = 3000): Promise<void> {
    return this.signal('SIGTERM', graceMs);
  }

  kill(): Promise<void> {
    return this.signal('SIGKILL', 0);
  }

  /** Stops the server and removes its directory. */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
