import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for ChirpStack's REST API (chirpstack-rest-api in front of ChirpStack v4), for tests.
 * ChirpStack itself cannot run on this machine (it needs its own PostgreSQL with pg_trgm, Redis and a
 * Docker image); this real HTTP server speaks the device paths the platform uses, as
 * /work/shared/design/chirpstack.md section 4 documents them:
 *   POST /api/devices {device:{...}}            create; 409 when the devEui exists
 *   PUT  /api/devices/{devEui} {device:{...}}   update; 404 when missing
 *   POST /api/devices/{devEui}/keys {deviceKeys} create keys; 404 without the device, 409 when they exist
 *   PUT  /api/devices/{devEui}/keys {deviceKeys} update keys; 404 when missing
 *   DELETE /api/devices/{devEui}                delete (with its keys); 404 when missing
 * It checks the API key header (`Grpc-Metadata-Authorization: Bearer <token>`, 401 otherwise), that
 * bodies are JSON with the path's devEui, answers errors in grpc-gateway's shape
 * (`{"code":<grpc code>,"message":...,"details":[]}`), records every request byte for byte, and can
 * be told to fail the next matching request (any status) or to never answer it (a timeout), and can
 * hold every request until released (to see what happens before ChirpStack answers).
 * What it cannot check: ChirpStack's own validation of the application and device-profile ids, the
 * key formats it accepts, and the OTAA join that follows.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

type Fault = { method: string; path: string; answer: { status: number; message: string } | 'hang' };

const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 404: 5, 409: 6, 500: 13, 503: 14 };

export class FakeChirpstack {
  readonly requests: RecordedRequest[] = [];
  /** Devices by devEui: the last device body and keys body received. */
  readonly devices = new Map<string, { device: Record<string, unknown>; keys?: Record<string, unknown> }>();
  private readonly faults: Fault[] = [];
  private readonly hanging: ServerResponse[] = [];
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token: string): Promise<FakeChirpstack> {
    const server = createServer();
    const fake = new FakeChirpstack(server, token);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request with this method and path answers `answer` (or never answers: 'hang'). */
  failNext(method: string, path: string, answer: Fault['answer']): void {
    this.faults.push({ method, path, answer });
  }

  /** Requests as `METHOD path` lines, for readable assertions. */
  lines(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  /** Requests arriving from now on wait (unrecorded) until `resume()`. */
  pause(): void {
    if (!this.held) this.held = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.release?.();
    this.held = null;
    this.release = null;
  }

  reset(): void {
    this.requests.length = 0;
    this.devices.clear();
    this.faults.length = 0;
  }

  async close(): Promise<void> {
    this.resume();
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    while (this.held) await this.held;
    const method = req.method ?? '';
    const path = req.url ?? '';
    const header = req.headers['grpc-metadata-authorization'];
    const recorded: RecordedRequest = { method, path, authorization: Array.isArray(header) ? header.join(',') : header, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
    this.requests.push(recorded);
    const fault = this.faults.findIndex((f) => f.method === method && f.path === path);
    if (fault >= 0) {
      const [{ answer }] = this.faults.splice(fault, 1);
      if (answer === 'hang') {
        this.hanging.push(res);
        return;
      }
      return this.error(res, answer.status, answer.message);
    }
    if (recorded.authorization !== `Bearer ${this.token}`) return this.error(res, 401, "authorization metadata must be in format 'Bearer <TOKEN>'");
    this.route(recorded, res);
  }

  private route(r: RecordedRequest, res: ServerResponse): void {
    const keys = /^\/api\/devices\/([0-9a-f]{16})\/keys$/.exec(r.path);
    const one = /^\/api\/devices\/([0-9a-f]{16})$/.exec(r.path);
    let body: Record<string, Record<string, unknown>> = {};
    if (r.method === 'POST' || r.method === 'PUT') {
      if (r.contentType !== 'application/json') return this.error(res, 400, 'expected application/json');
      try {
        body = JSON.parse(r.body) as typeof body;
      } catch {
        return this.error(res, 400, 'invalid JSON');
      }
    }
    if (r.path === '/api/devices' && r.method === 'POST') {
      const devEui = body.device?.devEui;
      if (typeof devEui !== 'string') return this.error(res, 400, 'device.devEui is required');
      if (this.devices.has(devEui)) return this.error(res, 409, 'Object already exists');
      this.devices.set(devEui, { device: body.device });
      return this.ok(res);
    }
    if (one && r.method === 'PUT') {
      const existing = this.devices.get(one[1]);
      if (!existing) return this.error(res, 404, 'Object does not exist');
      if (body.device?.devEui !== one[1]) return this.error(res, 400, 'device.devEui differs from the path');
      existing.device = body.device;
      return this.ok(res);
    }
    if (one && r.method === 'DELETE') {
      if (!this.devices.delete(one[1])) return this.error(res, 404, 'Object does not exist');
      return this.ok(res);
    }
    if (keys && (r.method === 'POST' || r.method === 'PUT')) {
      const existing = this.devices.get(keys[1]);
      if (!existing) return this.error(res, 404, 'Object does not exist');
      if (typeof body.deviceKeys?.nwkKey !== 'string') return this.error(res, 400, 'deviceKeys.nwkKey is required');
      if (r.method === 'POST' && existing.keys) return this.error(res, 409, 'Object already exists');
      if (r.method === 'PUT' && !existing.keys) return this.error(res, 404, 'Object does not exist');
      existing.keys = body.deviceKeys;
      return this.ok(res);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  }

  private ok(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }

  private error(res: ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: GRPC_CODE[status] ?? 2, message, details: [] }));
  }
}
