import { REQUIRED_STORES, STORE_NAMES } from '@app/contracts';
import type {
  ComponentStatus,
  HealthReport,
  ServiceHealth,
  ServiceHealthEntry,
  StoreHealth,
  StoreHealthEntry,
  StoreName,
} from '@app/contracts';

export type ServiceAnswer =
  | { service: string; ok: true; health: ServiceHealth; latencyMs: number }
  | { service: string; ok: false; detail: string; latencyMs: number };

const RANK: Record<ComponentStatus, number> = { disabled: 0, up: 1, degraded: 2, down: 3 };

/**
 * Merges the answers of every service (and the gateway's own probes) into the platform report.
 * A store's status is the worst any service saw; a store no live service could report on is `down`
 * with that reason. The report is `down` when a service or a required store is down.
 */
export function aggregateHealth(
  answers: ServiceAnswer[],
  gateway: ServiceHealth,
  checkedAt: Date,
): HealthReport {
  const services: Record<string, ServiceHealthEntry> = {
    gateway: {
      status: gateway.status,
      version: gateway.version,
      instance: gateway.instance,
      uptimeSeconds: gateway.uptimeSeconds,
      latencyMs: 0,
    },
  };
  const seen = new Map<StoreName, { health: StoreHealth; reportedBy: string[] }>();
  const merge = (service: string, stores: ServiceHealth['stores']) => {
    for (const name of STORE_NAMES) {
      const health = stores[name];
      if (!health) continue;
      const current = seen.get(name);
      if (!current) {
        seen.set(name, { health: { ...health }, reportedBy: [service] });
        continue;
      }
      current.reportedBy.push(service);
      if (RANK[health.status] > RANK[current.health.status]) current.health = { ...health };
      else if (health.status === current.health.status && health.latencyMs !== undefined) {
        current.health.latencyMs = Math.max(current.health.latencyMs ?? 0, health.latencyMs);
      }
    }
  };
  merge('gateway', gateway.stores);
  for (const answer of answers) {
    if (answer.ok) {
      services[answer.service] = {
        status: answer.health.status,
        version: answer.health.version,
        instance: answer.health.instance,
        uptimeSeconds: answer.health.uptimeSeconds,
        latencyMs: answer.latencyMs,
        ...(answer.health.detail ? { detail: answer.health.detail } : {}),
      };
      merge(answer.service, answer.health.stores);
    } else {
      services[answer.service] = { status: 'down', detail: answer.detail, latencyMs: answer.latencyMs };
    }
  }

  const stores = {} as Record<StoreName, StoreHealthEntry>;
  for (const name of STORE_NAMES) {
    const entry = seen.get(name);
    stores[name] = entry
      ? { ...entry.health, reportedBy: entry.reportedBy }
      : { status: 'down', detail: 'no running service reported on this store', reportedBy: [] };
  }

  const serviceDown = Object.values(services).some((s) => s.status === 'down');
  const requiredStoreDown = REQUIRED_STORES.some((name) => stores[name].status === 'down');
  const anythingImperfect =
    Object.values(services).some((s) => s.status === 'degraded') ||
    STORE_NAMES.some((name) => stores[name].status === 'down' || stores[name].status === 'degraded');
  const status: HealthReport['status'] = serviceDown || requiredStoreDown ? 'down' : anythingImperfect ? 'degraded' : 'ok';
  return { status, checkedAt: checkedAt.toISOString(), services, stores };
}
