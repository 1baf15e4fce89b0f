import type { UserView } from '@app/contracts';
import type { UserEntity } from '../database/entities/user.entity';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The user as the API shows it: never the password hash. */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    tenantId: user.tenantId,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    consumerId: user.consumerId,
    failedLoginCount: user.failedLoginCount,
    lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil.toISOString() : null,
    lastLoginAt: iso(user.lastLoginAt),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
