import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/contracts';
import type { Role, TenantId, UserStatus } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { UserEntity } from '../database/entities/user.entity';
import { isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors';

/** A consumer link to a consumer the tenant does not have is NOT_FOUND naming the field. */
const consumerNotFound = (): DomainError => new DomainError('NOT_FOUND', 'Consumer not found', [{ field: 'consumerId', message: 'no consumer with this id' }]);

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  consumerId?: string | null;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  status?: UserStatus;
  consumerId?: string | null;
}

export interface UserListQuery {
  search?: string;
  limit: number;
  offset: number;
}

export interface FailedLoginOutcome {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/** Every query of users, each scoped by the tenant: another tenant's user is never found. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  findById(tenantId: TenantId, id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ tenantId, id });
  }

  findByEmail(tenantId: TenantId, email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ tenantId, email: email.trim().toLowerCase() });
  }

  async list(tenantId: TenantId, query: UserListQuery): Promise<{ items: UserEntity[]; total: number }> {
    const builder = this.db.getRepository(UserEntity).createQueryBuilder('u').where('u.tenant_id = :tenantId', { tenantId });
    if (query.search) {
      const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(new Brackets((b) => b.where('u.email ILIKE :pattern', { pattern }).orWhere('u.display_name ILIKE :pattern', { pattern })));
    }
    const [items, total] = await builder.orderBy('u.email', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async create(tenantId: TenantId, user: NewUser, manager: EntityManager = this.db.manager): Promise<UserEntity> {
    const entity = manager.create(UserEntity, {
      ...user,
      tenantId,
      email: user.email.trim().toLowerCase(),
      consumerId: user.consumerId ?? null,
      status: 'active',
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
    });
    try {
      return await manager.getRepository(UserEntity).save(entity);
    } catch (error) {
      if (isUniqueViolation(error, 'users_tenant_email_key')) {
        throw new DomainError('CONFLICT', 'A user with this email already exists in the tenant', [{ field: 'email', message: 'email is taken' }]);
      }
      if (isForeignKeyViolation(error, 'users_consumer_fkey')) throw consumerNotFound();
      throw error;
    }
  }

  async update(tenantId: TenantId, id: string, patch: UserPatch): Promise<UserEntity | null> {
    const repository = this.db.getRepository(UserEntity);
    const user = await repository.findOneBy({ tenantId, id });
    if (!user) return null;
    try {
      return await repository.save(repository.merge(user, patch));
    } catch (error) {
      if (isForeignKeyViolation(error, 'users_consumer_fkey')) throw consumerNotFound();
      throw error;
    }
  }

  async setPasswordHash(tenantId: TenantId, id: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.getRepository(UserEntity).update({ tenantId, id }, { passwordHash });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Counts a failed login in one statement (safe under concurrent attempts). An expired lock starts
   * a fresh count; reaching `threshold` locks the account until `now + lockoutSeconds`.
   */
  async recordFailedLogin(tenantId: TenantId, id: string, threshold: number, lockoutSeconds: number): Promise<FailedLoginOutcome> {
    const rows = (await this.db.query(
      `WITH next AS (
         SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_login_count + 1 END AS n
         FROM "system"."users" WHERE tenant_id = $1 AND id = $2 FOR UPDATE
       )
       UPDATE "system"."users" u
       SET failed_login_count = next.n,
           locked_until = CASE
             WHEN next.n >= $3 THEN now() + make_interval(secs => $4)
             WHEN u.locked_until IS NOT NULL AND u.locked_until <= now() THEN NULL
             ELSE u.locked_until END
       FROM next WHERE u.id = next.id
       RETURNING u.failed_login_count AS "failedLoginCount", u.locked_until AS "lockedUntil"`,
      [tenantId, id, threshold, lockoutSeconds],
    )) as [FailedLoginOutcome[], number];
    const row = rows[0][0];
    if (!row) throw new DomainError('NOT_FOUND', 'User not found');
    return row;
  }

  /** A successful login clears the failure count and any lock, and may store a fresher hash. */
  async recordSuccessfulLogin(tenantId: TenantId, id: string, rehashed?: string): Promise<void> {
    await this.db
      .getRepository(UserEntity)
      .update({ tenantId, id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: () => 'now()', ...(rehashed ? { passwordHash: rehashed } : {}) });
  }

  async unlock(tenantId: TenantId, id: string): Promise<UserEntity | null> {
    const result = await this.db.getRepository(UserEntity).update({ tenantId, id }, { failedLoginCount: 0, lockedUntil: null });
    return (result.affected ?? 0) > 0 ? this.findById(tenantId, id) : null;
  }
}
