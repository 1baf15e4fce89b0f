import type { DeviceResolution } from '@app/contracts';
import type { MeterIdentityRow } from './device-lookup.repository';

/**
 * The rule for one identity and the meters holding it. The registry keeps devEui and wM-Bus address
 * unique per tenant only, so several tenants may hold one: exactly one live (not archived) meter
 * resolves; live meters in several tenants are `ambiguous` (never guessed); only archived meters are
 * `archived` (nothing is attributed to them); none is `unknown`.
 */
export function resolutionOf(rows: readonly MeterIdentityRow[]): DeviceResolution {
  const live = rows.filter((r) => r.status !== 'archived');
  if (live.length > 1) return { state: 'ambiguous', tenantIds: [...new Set(live.map((r) => r.tenantId))].sort() };
  const [meter] = live;
  if (meter) return { state: 'known', meterId: meter.id, tenantId: meter.tenantId, codecId: meter.codecId, utility: meter.utility, multiplier: meter.multiplier, status: meter.status };
  const archived = rows[0];
  return archived ? { state: 'archived', meterId: archived.id, tenantId: archived.tenantId } : { state: 'unknown' };
}
