import { requireActor } from '@app/common';
import { DomainError } from '@app/contracts';

/**
 * Whose dead letters the current actor may read. The gateway already sets `tenantId` from the caller;
 * this second check keeps the service safe from a caller that forgot to:
 *  - `platform:diagnostics` (platform administrators): every tenant's and nobody's; `requested` narrows.
 *  - `devices:read` (a tenant's operators): only its own tenant's, whatever was requested.
 */
export function deadLetterTenantScope(requested: string | undefined): string | undefined {
  const actor = requireActor();
  if (actor.permissions.includes('platform:diagnostics')) return requested;
  if (actor.permissions.includes('devices:read')) return actor.tenantId;
  throw new DomainError('FORBIDDEN', 'Missing permission: platform:diagnostics or devices:read');
}

/** Unassigned uplinks reveal devices nobody registered, across tenants: platform administrators only. */
export function requirePlatformDiagnostics(): void {
  if (!requireActor().permissions.includes('platform:diagnostics')) throw new DomainError('FORBIDDEN', 'Missing permission: platform:diagnostics');
}
