import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the listener serves: the text exposition and its content type. */
export interface MetricsSource {
  scrape(): Promise<string>;
  readonly contentType: string;
}

/**
 * A plain node:http listener for Prometheus (not the gateway: scrapes stay inside the network and need no
 * authentication). GET /metrics answers the text format; every other path and method is 404.
 */
export class MetricsServer {
  private server: Server | undefined;

  constructor(private readonly source: MetricsSource) {}

  /** Listens on host:port (port 0 picks a free one in tests); rejects when the port is taken. */
  async listen(port: number, host: string): Promise<AddressInfo> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method !== 'GET' || path !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      this.source.scrape().then(
        (text) => response.writeHead(200, { 'content-type': this.source.contentType }).end(text),
        (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
