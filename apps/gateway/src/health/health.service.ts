import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ServiceHealthService, aggregateHealth, rpcClientToken } from '@app/common';
import type { ServiceAnswer } from '@app/common';
import { BACKEND_SERVICES, DomainError, healthPattern } from '@app/contracts';
import type { BackendService, HealthReport, HealthRpc, RpcClient } from '@app/contracts';
import type { GatewayConfig } from '../config';

/** Every service's client, seen only through its health pattern. */
type HealthClient = RpcClient<Record<string, HealthRpc>>;
const HEALTH_CLIENTS = Symbol('HEALTH_CLIENTS');

/** Asks every backend service for its health (in parallel, each with a deadline) and merges the answers. */
@Injectable()
export class HealthService {
  private readonly clients: Map<BackendService, HealthClient>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly own: ServiceHealthService,
    @Inject(HEALTH_CLIENTS) clients: Map<BackendService, HealthClient>,
  ) {
    this.clients = clients;
  }

  async report(): Promise<HealthReport> {
    const [own, ...answers] = await Promise.all([
      this.own.check(),
      ...BACKEND_SERVICES.map((service) => this.ask(service)),
    ]);
    return aggregateHealth(answers, own, new Date());
  }

  private async ask(service: BackendService): Promise<ServiceAnswer> {
    const started = performance.now();
    const client = this.clients.get(service);
    const elapsed = () => Math.round(performance.now() - started);
    if (!client) return { service, ok: false, detail: 'no client', latencyMs: 0 };
    try {
      const health = await client.send(healthPattern(service), {}, { timeoutMs: this.config.HEALTH_TIMEOUT_MS });
      return { service, ok: true, health, latencyMs: elapsed() };
    } catch (error) {
      const detail = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
      return { service, ok: false, detail, latencyMs: elapsed() };
    }
  }
}

/** Collects the typed clients into one map for the health service. */
export const healthClientsProvider = {
  provide: HEALTH_CLIENTS,
  inject: BACKEND_SERVICES.map((s) => rpcClientToken(s)),
  useFactory: (...clients: unknown[]) =>
    new Map(BACKEND_SERVICES.map((s, i) => [s, clients[i] as HealthClient])),
};
