/** The backend services behind the gateway. Wire names: add, never rename. */
export const BACKEND_SERVICES = ['system', 'metering', 'billing', 'analytics', 'ingest'] as const;
export type BackendService = (typeof BACKEND_SERVICES)[number];

export const APP_NAMES = ['gateway', ...BACKEND_SERVICES] as const;
export type AppName = (typeof APP_NAMES)[number];

export function isBackendService(value: string): value is BackendService {
  return (BACKEND_SERVICES as readonly string[]).includes(value);
}
