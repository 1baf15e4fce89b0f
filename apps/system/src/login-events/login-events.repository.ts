import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { LoginOutcome, TenantId } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import { LoginEventEntity } from '../database/entities/login-event.entity';

export interface NewLoginEvent {
  /** The slug as presented (kept even when no tenant has it). */
  tenantSlug: string;
  userId?: string | null;
  email: string;
  ip?: string | null;
  userAgent?: string | null;
  outcome: LoginOutcome;
  reason?: string | null;
}

export interface LoginEventQuery {
  userId?: string;
  outcome?: LoginOutcome;
  before?: Date;
  limit: number;
}

const MAX_TEXT = 512;
const clip = (value: string | null | undefined): string | null => (value ? value.slice(0, MAX_TEXT) : null);

/** The login audit trail: appended on every attempt, read by the tenant's administrator. */
@Injectable()
export class LoginEventsRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  /** `tenantId` is null when the presented slug matched no tenant (the event is kept, but no tenant sees it). */
  async record(tenantId: TenantId | null, event: NewLoginEvent): Promise<void> {
    await this.db.getRepository(LoginEventEntity).insert({
      tenantId,
      tenantSlug: event.tenantSlug.slice(0, 100),
      userId: event.userId ?? null,
      email: event.email.trim().toLowerCase().slice(0, 320),
      ip: clip(event.ip),
      userAgent: clip(event.userAgent),
      outcome: event.outcome,
      reason: clip(event.reason),
      at: new Date(),
    });
  }

  list(tenantId: TenantId, query: LoginEventQuery): Promise<LoginEventEntity[]> {
    const where: FindOptionsWhere<LoginEventEntity> = { tenantId };
    if (query.userId) where.userId = query.userId;
    if (query.outcome) where.outcome = query.outcome;
    if (query.before) where.at = LessThan(query.before);
    return this.db.getRepository(LoginEventEntity).find({ where, order: { at: 'DESC' }, take: query.limit });
  }
}
