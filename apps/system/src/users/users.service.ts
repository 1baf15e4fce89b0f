import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, permissionsOfRoles } from '@app/contracts';
import type { CreateUserRequest, ListUsersRequest, SessionsRevoked, SetPasswordRequest, TenantId, UpdateUserRequest, UserPage, UserView } from '@app/contracts';
import type { ActorScope } from '../access/actor-scope';
import type { UserEntity } from '../database/entities/user.entity';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertPasswordAcceptable } from '../passwords/password-policy';
import { SessionRevocation } from '../sessions/session-revocation';
import { SessionsRepository } from '../sessions/sessions.repository';
import { assertConsumerLink, assertRolesGrantable } from './role-rules';
import { toUserView } from './user.view';
import { UsersRepository } from './users.repository';

/** The rules about users of one tenant; every call is scoped by the tenant of the acting administrator. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsRepository,
    private readonly revocation: SessionRevocation,
  ) {}

  async list(tenantId: TenantId, request: ListUsersRequest): Promise<UserPage> {
    const page = await this.users.list(tenantId, { search: request.search, limit: request.limit ?? 50, offset: request.offset ?? 0 });
    return { items: page.items.map(toUserView), total: page.total };
  }

  async get(tenantId: TenantId, id: string): Promise<UserView> {
    return toUserView(await this.found(tenantId, id));
  }

  /** Creates a user; `manager` joins a surrounding transaction (a tenant with its first administrator). */
  async create(tenantId: TenantId, request: CreateUserRequest, field = 'password', manager?: EntityManager): Promise<UserView> {
    assertConsumerLink(request.roles, request.consumerId);
    assertPasswordAcceptable(field, request.password, { email: request.email, displayName: request.displayName });
    const passwordHash = await this.hasher.hash(request.password);
    const user = await this.users.create(
      tenantId,
      { email: request.email, displayName: request.displayName, passwordHash, roles: [...new Set(request.roles)], consumerId: request.consumerId },
      manager,
    );
    return toUserView(user);
  }

  async createAs(scope: ActorScope, request: CreateUserRequest): Promise<UserView> {
    assertRolesGrantable(scope.actor.permissions, request.roles);
    return this.create(scope.tenantId, request);
  }

  /** Changes of roles or status end the user's sessions: their tokens carry the old permissions. */
  async update(scope: ActorScope, request: UpdateUserRequest): Promise<UserView> {
    const { tenantId, actor } = scope;
    const user = await this.found(tenantId, request.id);
    const roles = request.roles ? [...new Set(request.roles)] : user.roles;
    if (request.roles) assertRolesGrantable(actor.permissions, [...roles, ...user.roles]);
    assertConsumerLink(roles, request.consumerId === undefined ? user.consumerId : request.consumerId);
    if (user.id === actor.id) {
      if (request.status === 'disabled') throw invalid('status', 'you cannot disable yourself');
      if (request.roles && !permissionsOfRoles(roles).includes('users:manage')) throw invalid('roles', 'you cannot remove your own user administration');
    }
    const rolesChanged = request.roles !== undefined && roles.join() !== user.roles.join();
    const disabled = request.status === 'disabled' && user.status !== 'disabled';
    const updated = await this.users.update(tenantId, user.id, {
      ...(request.displayName !== undefined ? { displayName: request.displayName } : {}),
      ...(request.roles ? { roles } : {}),
      ...(request.status ? { status: request.status } : {}),
      ...(request.consumerId !== undefined ? { consumerId: request.consumerId } : {}),
    });
    if (!updated) throw notFound();
    if (rolesChanged || disabled) await this.endSessions(tenantId, user.id, disabled ? 'user_disabled' : 'roles_changed');
    return toUserView(updated);
  }

  async revokeSessions(tenantId: TenantId, id: string): Promise<SessionsRevoked> {
    await this.found(tenantId, id);
    return { revoked: await this.endSessions(tenantId, id, 'revoked_by_admin') };
  }

  async unlock(tenantId: TenantId, id: string): Promise<UserView> {
    const user = await this.users.unlock(tenantId, id);
    if (!user) throw notFound();
    return toUserView(user);
  }

  /**
   * Users change their own password with the current one; administrators (users:manage) set anyone's.
   * Every other session of the user ends (all of them after an administrator's reset).
   */
  async setPassword(scope: ActorScope, request: SetPasswordRequest): Promise<SessionsRevoked> {
    const { tenantId, actor } = scope;
    const self = actor.kind === 'user' && actor.id === request.id;
    if (!self && !actor.permissions.includes('users:manage')) throw new DomainError('FORBIDDEN', 'Only an administrator can set another user\'s password');
    const user = await this.found(tenantId, request.id);
    if (self) {
      if (!request.currentPassword) throw invalid('currentPassword', 'currentPassword is required to change your own password');
      if (!(await this.hasher.verify(user.passwordHash, request.currentPassword))) throw invalid('currentPassword', 'currentPassword is wrong');
    }
    assertPasswordAcceptable('newPassword', request.newPassword, { email: user.email, displayName: user.displayName });
    await this.users.setPasswordHash(tenantId, user.id, await this.hasher.hash(request.newPassword));
    // A user changing their own password keeps the session they did it from; every other one ends.
    const keep = self ? actor.sessionId : undefined;
    const revokedIds = await this.sessions.revokeAllOfUser(tenantId, user.id, 'password_changed', keep);
    await this.revocation.publish(revokedIds);
    return { revoked: revokedIds.length };
  }

  private async endSessions(tenantId: TenantId, userId: string, reason: string): Promise<number> {
    const ids = await this.sessions.revokeAllOfUser(tenantId, userId, reason);
    await this.revocation.publish(ids);
    return ids.length;
  }

  private async found(tenantId: TenantId, id: string): Promise<UserEntity> {
    const user = await this.users.findById(tenantId, id);
    if (!user) throw notFound();
    return user;
  }
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'User not found');
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Invalid request: ${message}`, [{ field, message }]);
}
