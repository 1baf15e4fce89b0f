import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Exclusive } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { SessionsRevoked, UserPage, UserView } from '@app/contracts';
import { actorScope } from '../access/actor-scope';
import { IdDto } from '../access/id.dto';
import { CreateUserDto, ListUsersDto, SetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** `system.user.*`: users of the actor's own tenant only. */
@Controller()
export class UsersRpc {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(SystemPatterns.userList)
  list(@Payload('data') request: ListUsersDto): Promise<UserPage> {
    return this.users.list(actorScope('users:read').tenantId, request);
  }

  @MessagePattern(SystemPatterns.userGet)
  get(@Payload('data') request: IdDto): Promise<UserView> {
    return this.users.get(actorScope('users:read').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.userCreate)
  create(@Payload('data') request: CreateUserDto): Promise<UserView> {
    return this.users.createAs(actorScope('users:manage'), request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.userUpdate)
  update(@Payload('data') request: UpdateUserDto): Promise<UserView> {
    return this.users.update(actorScope('users:manage'), request);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.userRevokeSessions)
  revokeSessions(@Payload('data') request: IdDto): Promise<SessionsRevoked> {
    return this.users.revokeSessions(actorScope('users:manage').tenantId, request.id);
  }

  @Exclusive()
  @MessagePattern(SystemPatterns.userUnlock)
  unlock(@Payload('data') request: IdDto): Promise<UserView> {
    return this.users.unlock(actorScope('users:manage').tenantId, request.id);
  }

  /** Self (with the current password) or an administrator: the service decides which. */
  @Exclusive()
  @MessagePattern(SystemPatterns.userSetPassword)
  setPassword(@Payload('data') request: SetPasswordDto): Promise<SessionsRevoked> {
    return this.users.setPassword(actorScope(), request);
  }
}
