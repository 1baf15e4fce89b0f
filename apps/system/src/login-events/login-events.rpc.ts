import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SystemPatterns } from '@app/contracts';
import type { LoginEventView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { ListLoginEventsDto } from './dto/login-event.dto';
import { toLoginEventView } from './login-event.view';
import { LoginEventsRepository } from './login-events.repository';

/** `system.login-event.list`: the login audit trail of the administrator's own tenant. */
@Controller()
export class LoginEventsRpc {
  constructor(private readonly events: LoginEventsRepository) {}

  @MessagePattern(SystemPatterns.loginEventList)
  async list(@Payload('data') request: ListLoginEventsDto): Promise<LoginEventView[]> {
    const { tenantId } = actorScope('users:manage');
    const rows = await this.events.list(tenantId, {
      userId: request.userId,
      outcome: request.outcome,
      before: request.before ? new Date(request.before) : undefined,
      limit: request.limit ?? 100,
    });
    return rows.map(toLoginEventView);
  }
}
