import type { ComponentStatus, ServiceHealth, StoreHealth, StoreName } from '@app/contracts';
import type { StoreProbe } from './store-probe';

export interface ServiceCondition {
  status: ComponentStatus;
  detail?: string;
}

/** Collects the store probes of one service process and answers its health pattern. */
export class ServiceHealthService {
  private readonly probes: StoreProbe[] = [];
  private readonly checks: Array<() => ServiceCondition> = [];
  private readonly startedAt = Date.now();

  constructor(
    readonly service: string,
    readonly version: string,
    readonly instance: string,
  ) {}

  register(probe: StoreProbe): void {
    if (this.probes.some((p) => p.store === probe.store)) {
      throw new Error(`${this.service}: a probe for ${probe.store} is registered twice`);
    }
    this.probes.push(probe);
  }

  /**
   * A condition of the service itself, beside its stores (e.g. ingest's write-ahead buffer): anything but `up`
   * makes the service `degraded`, with the condition's detail in the report.
   */
  addCondition(check: () => ServiceCondition): void {
    this.checks.push(check);
  }

  async check(): Promise<ServiceHealth> {
    const results = await Promise.all(this.probes.map(async (p) => [p, await p.probe()] as const));
    const stores: Partial<Record<StoreName, StoreHealth>> = {};
    let status: ComponentStatus = 'up';
    for (const [probe, health] of results) {
      stores[probe.store] = health;
      if (health.status === 'down' || health.status === 'degraded') status = 'degraded';
    }
    const details: string[] = [];
    for (const condition of this.checks.map((c) => c())) {
      if (condition.status === 'up') continue;
      status = 'degraded';
      if (condition.detail) details.push(condition.detail);
    }
    return {
      service: this.service,
      status,
      ...(details.length > 0 ? { detail: details.join('; ') } : {}),
      version: this.version,
      instance: this.instance,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      stores,
    };
  }
}
