import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS } from '@app/common';
import type { SystemConfig } from '../config';
import { sha256Hex } from '../crypto/hashes';

export type LoginPolicy = Pick<SystemConfig, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES' | 'LOGIN_IP_MAX_FAILURES' | 'LOGIN_IP_WINDOW_SECONDS'>;

/**
 * Counters of failed logins kept in Redis: per client address (a rate limit across accounts), and per
 * unknown tenant + email, so an email that does not exist locks exactly like one that does and a
 * lockout reveals nothing. Known accounts lock in PostgreSQL (users.locked_until).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly policy: LoginPolicy,
  ) {}

  async addressBlocked(ip: string): Promise<boolean> {
    const count = Number((await this.redis.get(this.ipKey(ip))) ?? 0);
    return count >= this.policy.LOGIN_IP_MAX_FAILURES;
  }

  async countAddressFailure(ip: string): Promise<void> {
    const key = this.ipKey(ip);
    const count = await this.redis.incr(key);
    if (count === 1) await this.redis.expire(key, this.policy.LOGIN_IP_WINDOW_SECONDS);
  }

  async unknownAccountLocked(tenantSlug: string, email: string): Promise<boolean> {
    const count = Number((await this.redis.get(this.unknownKey(tenantSlug, email))) ?? 0);
    return count >= this.policy.LOGIN_MAX_FAILURES;
  }

  /** Counts a failure for a tenant + email that has no account; true when this failure locks it. */
  async countUnknownAccountFailure(tenantSlug: string, email: string): Promise<boolean> {
    const key = this.unknownKey(tenantSlug, email);
    const count = await this.redis.incr(key);
    await this.redis.expire(key, this.policy.LOGIN_LOCKOUT_MINUTES * 60);
    return count >= this.policy.LOGIN_MAX_FAILURES;
  }

  private ipKey(ip: string): string {
    return `auth:login-ip:${ip}`;
  }

  private unknownKey(tenantSlug: string, email: string): string {
    return `auth:login-unknown:${sha256Hex(`${tenantSlug.toLowerCase()}\n${email.trim().toLowerCase()}`)}`;
  }
}
