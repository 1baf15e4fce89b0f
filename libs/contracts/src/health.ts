/**
 * Health report shapes. Wire format: public API of the gateway (`GET /api/v1/health`) and of every
 * service's `<service>.health.check` pattern. Add fields; never rename.
 */
export const STORE_NAMES = ['postgres', 'redis', 'clickhouse', 'mqtt', 'mongodb'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Stores without which the platform cannot serve; MongoDB (operational logs) is optional. */
export const REQUIRED_STORES: readonly StoreName[] = ['postgres', 'redis', 'clickhouse', 'mqtt'];

/** up: answering; degraded: answering with a problem; down: not answering; disabled: not configured. */
export type ComponentStatus = 'up' | 'degraded' | 'down' | 'disabled';

export interface StoreHealth {
  status: ComponentStatus;
  latencyMs?: number;
  /** Human-readable reason when not up (never contains secrets). */
  detail?: string;
}

export interface ServiceHealth {
  service: string;
  status: ComponentStatus;
  version: string;
  instance: string;
  uptimeSeconds: number;
  /** Why the service is degraded by a condition of its own (not a store), e.g. ingest's buffer not draining. */
  detail?: string;
  stores: Partial<Record<StoreName, StoreHealth>>;
}

export interface ServiceHealthEntry {
  status: ComponentStatus;
  version?: string;
  instance?: string;
  uptimeSeconds?: number;
  latencyMs?: number;
  detail?: string;
}

export interface StoreHealthEntry extends StoreHealth {
  /** Services whose probes contributed to this entry. */
  reportedBy: string[];
}

export interface HealthReport {
  /** ok: everything required is up; degraded: required all up, something optional/degraded; down: a required one is down. */
  status: 'ok' | 'degraded' | 'down';
  checkedAt: string;
  services: Record<string, ServiceHealthEntry>;
  stores: Record<StoreName, StoreHealthEntry>;
}
