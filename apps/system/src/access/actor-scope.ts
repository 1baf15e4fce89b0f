import { requireActor } from '@app/common';
import { DomainError, asTenantId } from '@app/contracts';
import type { Actor, Permission, TenantId } from '@app/contracts';

/** The actor of the current RPC request and the tenant every query of the request is scoped to. */
export interface ActorScope {
  actor: Actor;
  tenantId: TenantId;
}

/**
 * The current actor (from the envelope), required to hold `required`. The gateway checks permissions
 * already; this second check keeps a service safe from a caller that forgot to.
 */
export function actorScope(...required: Permission[]): ActorScope {
  const actor = requireActor();
  const missing = required.filter((permission) => !actor.permissions.includes(permission));
  if (missing.length > 0) throw new DomainError('FORBIDDEN', `Missing permission: ${missing.join(', ')}`);
  return { actor, tenantId: asTenantId(actor.tenantId) };
}

/** The current actor, required to be a signed-in user (not an API key). */
export function userScope(...required: Permission[]): ActorScope {
  const scope = actorScope(...required);
  if (scope.actor.kind !== 'user') throw new DomainError('FORBIDDEN', 'Only a signed-in user can do this, not an API key');
  return scope;
}
