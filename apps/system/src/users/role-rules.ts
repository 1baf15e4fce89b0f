import { DomainError, ROLE_PERMISSIONS } from '@app/contracts';
import type { Permission, Role } from '@app/contracts';

/**
 * No one grants more than they hold: a role is grantable only when every permission of it is held by
 * the granting actor. So a tenant administrator can never make a platform administrator.
 */
export function assertRolesGrantable(held: readonly Permission[], roles: readonly Role[]): void {
  const refused = roles.filter((role) => ROLE_PERMISSIONS[role].some((permission) => !held.includes(permission)));
  if (refused.length > 0) {
    throw new DomainError('FORBIDDEN', `You cannot grant the role(s) ${refused.join(', ')}: they hold permissions you do not have`);
  }
}

/** A consumer user is tied to its consumer, and only consumer users are. */
export function assertConsumerLink(roles: readonly Role[], consumerId: string | null | undefined): void {
  const isConsumer = roles.includes('consumer');
  if (isConsumer && roles.length > 1) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid request: roles', [{ field: 'roles', message: 'the consumer role cannot be combined with other roles' }]);
  }
  if (isConsumer && !consumerId) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid request: consumerId', [{ field: 'consumerId', message: 'a consumer user needs consumerId' }]);
  }
  if (!isConsumer && consumerId) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid request: consumerId', [{ field: 'consumerId', message: 'only consumer users have a consumerId' }]);
  }
}
