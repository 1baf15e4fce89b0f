import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive, requireActor } from '@app/common';
import { DomainError, MeteringPatterns } from '@app/contracts';
import type { Actor, CommandPage, CommandView, CreateCommandRequest, Permission } from '@app/contracts';
import { CommandsService } from './commands.service';
import { CommandIdDto, CreateCommandDto, ListCommandsDto } from './dto/commands.dto';

/**
 * The current actor, required to hold `required` (the gateway checks first; this keeps the service safe from a
 * caller that forgot). Its tenant scopes every query.
 */
function actorHolding(required: Permission): Actor {
  const actor = requireActor();
  if (!actor.permissions.includes(required)) throw new DomainError('FORBIDDEN', `Missing permission: ${required}`);
  return actor;
}

@Controller()
export class CommandsRpc {
  constructor(@Inject(CommandsService) private readonly commands: CommandsService) {}

  /** Writes and publishes: one instance runs it (the Redis transport delivers to every instance). */
  @Exclusive()
  @MessagePattern(MeteringPatterns.commandCreate)
  create(@Payload('data') request: CreateCommandDto): Promise<CommandView> {
    return this.commands.create(actorHolding('commands:send'), request as CreateCommandRequest);
  }

  @MessagePattern(MeteringPatterns.commandList)
  list(@Payload('data') request: ListCommandsDto): Promise<CommandPage> {
    return this.commands.list(actorHolding('devices:read').tenantId, request);
  }

  @MessagePattern(MeteringPatterns.commandGet)
  get(@Payload('data') request: CommandIdDto): Promise<CommandView> {
    return this.commands.get(actorHolding('devices:read').tenantId, request.id);
  }
}
