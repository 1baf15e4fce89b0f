import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { killOnExit } from './child-cleanup';
import { freePort, waitFor } from './ports';

const ROOT = resolve(__dirname, '..', '..', '..');
/** The broker behaviour the compose stack ships (persistence, queue limits, in-flight window). */
export const SHIPPED_BROKER_CONF_DIR = join(ROOT, 'chirpstack', 'mosquitto', 'conf.d');

/** Resolves once something accepts TCP connections on 127.0.0.1:port. */
export function tcpOpen(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      ok(true);
    });
    socket.on('error', () => ok(false));
  });
}

/**
 * A private Mosquitto for one test: `mosquitto -c <temp conf>` on a free port, with the shipped
 * chirpstack/mosquitto/conf.d/broker.conf included verbatim (the pattern documented in the header of
 * chirpstack/mosquitto/mosquitto.conf), persistence in a temporary directory. So a test gets the
 * production queue limits (max_queued_messages) without touching the machine's broker on 1883.
 * `stop()` is a clean shutdown (SIGTERM: final snapshot), `kill()` a crash; `start()` again keeps the port
 * and the persisted sessions.
 */
export class TestMosquitto {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  static async start(port?: number): Promise<TestMosquitto> {
    const broker = new TestMosquitto(port ?? (await freePort()), mkdtempSync(join(tmpdir(), 'headend-mosquitto-')));
    const data = join(broker.dir, 'data');
    mkdirSync(data);
    const lines = [
      '# Written by libs/testing/src/mosquitto.ts; broker behaviour from the shipped conf.d.',
      'per_listener_settings false',
      `listener ${broker.port} 127.0.0.1`,
      'allow_anonymous true',
      `persistence_location ${data}/`,
      // A file, not stdout: Mosquitto block-buffers a piped stdout, but flushes its log file line by line.
      `log_dest file ${join(broker.dir, 'mosquitto.log')}`,
      // Subscriptions in the log, so a test can wait until a client's subscription is in place (after the include
      // below: log_type lines add up).
      'log_type subscribe',
      // Started as root (this machine's test runs), Mosquitto would drop to the `mosquitto` user, who cannot
      // write the temporary directory; stay the user who started it.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      `include_dir ${SHIPPED_BROKER_CONF_DIR}`,
    ];
    writeFileSync(join(broker.dir, 'mosquitto.conf'), `${lines.join('\n')}\n`);
    try {
      await broker.start();
    } catch (error) {
      await broker.dispose();
      throw error;
    }
    return broker;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts (or restarts) the broker on its port with its persisted state. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn('mosquitto', ['-c', join(this.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    killOnExit(child);
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    void this.exited.then(() => {
      if (this.child === child) this.child = undefined;
    });
    await waitFor(`Mosquitto on port ${this.port}`, async () => {
      if (child.exitCode !== null) throw new Error(`mosquitto exited (${child.exitCode}): ${[...this.output, ...this.log()].slice(-5).join(' | ')}`);
      return tcpOpen(this.port);
    }, 10_000, 50);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(forced);
    this.child = undefined;
  }

  /**
   * Waits until the broker logged a subscription of `clientId` to a filter containing `filterPart` (a message
   * published before a new session's subscription exists is delivered to nobody).
   */
  async waitForSubscription(clientId: string, filterPart: string, timeoutMs = 20_000): Promise<void> {
    await waitFor(`the subscription of ${clientId}`, async () => this.log().some((line) => line.includes(` ${clientId} `) && line.includes(filterPart)), timeoutMs, 50);
  }

  /** The broker's log so far (connections, subscriptions, warnings). */
  log(): string[] {
    const file = join(this.dir, 'mosquitto.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  }

  /** Clean shutdown: Mosquitto writes its final snapshot (queued messages included). */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  /** A crash: state since the last autosave is lost. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Stops the broker and removes its directory. */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
