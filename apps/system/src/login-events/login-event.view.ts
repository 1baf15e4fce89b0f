import type { LoginEventView } from '@app/contracts';
import type { LoginEventEntity } from '../database/entities/login-event.entity';

export function toLoginEventView(event: LoginEventEntity): LoginEventView {
  return {
    id: event.id,
    tenantId: event.tenantId,
    userId: event.userId,
    email: event.email,
    ip: event.ip,
    userAgent: event.userAgent,
    outcome: event.outcome,
    reason: event.reason,
    at: event.at.toISOString(),
  };
}
