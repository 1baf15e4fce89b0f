import type { ComponentStatus, HealthReport } from '@contracts/health';

export const SERVICE_ORDER = ['gateway', 'system', 'metering', 'billing', 'analytics', 'ingest'] as const;

export const SERVICE_ROLES: Record<string, string> = {
  gateway: 'HTTP edge, auth, console',
  system: 'Tenants, users, device registry',
  metering: 'Readings, VEE, commands',
  billing: 'Tariffs, billing runs, invoices',
  analytics: 'Aggregates, anomalies, reports',
  ingest: 'MQTT uplinks into ClickHouse',
};

export const STORE_LABELS: Record<string, { label: string; role: string }> = {
  postgres: { label: 'PostgreSQL', role: 'Registry, billing, metering state' },
  redis: { label: 'Redis', role: 'Transport, queues, caches' },
  clickhouse: { label: 'ClickHouse', role: 'Telemetry and readings' },
  mqtt: { label: 'MQTT broker', role: 'ChirpStack uplinks and downlinks' },
  mongodb: { label: 'MongoDB', role: 'Operational logs' },
};

/** Known services first in platform order, then any the gateway reports that this console does not know yet. */
export function orderedServiceNames(services: HealthReport['services']): string[] {
  const known = SERVICE_ORDER.filter((name) => name in services);
  const extra = Object.keys(services)
    .filter((name) => !(SERVICE_ORDER as readonly string[]).includes(name))
    .sort();
  return [...known, ...extra];
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function formatUptime(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return '<1 ms';
  return ms < 10 ? `${ms.toFixed(1).replace(/\.0$/, '')} ms` : `${Math.round(ms)} ms`;
}

export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatAge(iso: string, now: number): string {
  const age = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(age)) return '';
  if (age < 2) return 'just now';
  if (age < 60) return `${age} s ago`;
  if (age < 3600) return `${Math.floor(age / 60)} min ago`;
  return `${Math.floor(age / 3600)} h ago`;
}

export function countByStatus(entries: { status: ComponentStatus }[]): Record<ComponentStatus, number> {
  const counts: Record<ComponentStatus, number> = { up: 0, degraded: 0, down: 0, disabled: 0 };
  for (const entry of entries) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
}

/** A per-second rate: "0/s", "0.35/s", "12.5/s", "1,234/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0/s';
  if (perSecond < 10) return `${perSecond.toFixed(2).replace(/\.?0+$/, '')}/s`;
  if (perSecond < 100) return `${perSecond.toFixed(1).replace(/\.0$/, '')}/s`;
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`;
}

/** A duration in ms as the largest sensible unit: "0 s", "4.3 s", "2 min 5 s". */
export function formatAgeMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  return formatUptime(ms / 1000);
}
