import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER } from '@app/common';
import { DomainError, asTenantId } from '@app/contracts';
import type { LoginOutcome, LoginRequest, LoginResult, TenantId } from '@app/contracts';
import type { UserEntity } from '../database/entities/user.entity';
import { LoginEventsRepository } from '../login-events/login-events.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { TenantsRepository } from '../tenants/tenants.repository';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';
import type { LoginPolicy } from './login-throttle';
import { SessionTokens } from './session-tokens';

/** The one answer to wrong credentials, whatever was wrong: it never tells whether an email exists. */
const INVALID = 'Invalid tenant, email or password';
const LOCKED = 'Too many failed attempts: sign-in is locked for a while; try again later';
const ADDRESS_LIMITED = 'Too many failed sign-ins from this address; try again later';

interface Attempt {
  request: LoginRequest;
  ip: string;
  tenantId: TenantId | null;
  userId?: string;
}

/**
 * Login: tenant slug + email + password -> a new session. Throttled per client address and per
 * account (known or not), argon2id verification even for unknown emails (same timing), and every
 * attempt recorded in login_events.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: SessionTokens,
    private readonly events: LoginEventsRepository,
    @Inject(APP_CONFIG) private readonly policy: LoginPolicy,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async login(request: LoginRequest): Promise<LoginResult> {
    const ip = request.ip ?? 'unknown';
    const tenant = await this.tenants.findBySlug(request.tenant);
    const attempt: Attempt = { request, ip, tenantId: tenant ? asTenantId(tenant.id) : null };
    if (await this.throttle.addressBlocked(ip)) {
      await this.record(attempt, 'rate_limited', 'address_rate_limited');
      throw new DomainError('RATE_LIMITED', ADDRESS_LIMITED);
    }
    const user = tenant && attempt.tenantId ? await this.users.findByEmail(attempt.tenantId, request.email) : null;
    attempt.userId = user?.id;

    if (!tenant || !user || tenant.status !== 'active' || user.status !== 'active') {
      const reason = !tenant ? 'unknown_tenant' : !user ? 'unknown_email' : tenant.status !== 'active' ? 'tenant_suspended' : 'user_disabled';
      return this.refuseWithoutAccount(attempt, reason);
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      await this.record(attempt, 'locked', 'account_locked');
      throw new DomainError('RATE_LIMITED', LOCKED);
    }
    if (!(await this.hasher.verify(user.passwordHash, request.password))) {
      return this.refuseKnownAccount(attempt, user);
    }
    const rehashed = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(request.password) : undefined;
    await this.users.recordSuccessfulLogin(asTenantId(tenant.id), user.id, rehashed);
    const result = await this.tokens.open(user, tenant, { ip: request.ip, userAgent: request.userAgent });
    await this.record(attempt, 'success', null);
    this.logger.info({ userId: user.id, tenantId: tenant.id, sessionId: result.sessionId }, 'login succeeded');
    return result;
  }

  /** No usable account: same work, same answers and the same lockout as a wrong password. */
  private async refuseWithoutAccount(attempt: Attempt, reason: string): Promise<never> {
    const { request } = attempt;
    if (await this.throttle.unknownAccountLocked(request.tenant, request.email)) {
      await this.record(attempt, 'locked', `${reason}; locked`);
      throw new DomainError('RATE_LIMITED', LOCKED);
    }
    await this.hasher.verifyNothing(request.password);
    await this.throttle.countAddressFailure(attempt.ip);
    await this.throttle.countUnknownAccountFailure(request.tenant, request.email);
    await this.record(attempt, 'failure', reason);
    throw new DomainError('UNAUTHENTICATED', INVALID);
  }

  private async refuseKnownAccount(attempt: Attempt, user: UserEntity): Promise<never> {
    const outcome = await this.users.recordFailedLogin(
      asTenantId(user.tenantId),
      user.id,
      this.policy.LOGIN_MAX_FAILURES,
      this.policy.LOGIN_LOCKOUT_MINUTES * 60,
    );
    await this.throttle.countAddressFailure(attempt.ip);
    const lockedNow = outcome.lockedUntil !== null && outcome.failedLoginCount >= this.policy.LOGIN_MAX_FAILURES;
    await this.record(attempt, 'failure', lockedNow ? `bad_password; locked until ${outcome.lockedUntil?.toISOString()}` : 'bad_password');
    if (lockedNow) this.logger.warn({ userId: user.id, tenantId: user.tenantId }, 'account locked after repeated failed logins');
    throw new DomainError('UNAUTHENTICATED', INVALID);
  }

  private record(attempt: Attempt, outcome: LoginOutcome, reason: string | null): Promise<void> {
    const { request } = attempt;
    return this.events.record(attempt.tenantId, {
      tenantSlug: request.tenant,
      userId: attempt.userId ?? null,
      email: request.email,
      ip: request.ip ?? null,
      userAgent: request.userAgent ?? null,
      outcome,
      reason,
    });
  }
}
