import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { RpcClient, SessionsRevoked, SystemContract, UserPage, UserView } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { IdParams } from '../http/id.params';
import { CreateUserBody, ListUsersQuery, SessionsRevokedDoc, SetPasswordBody, UpdateUserBody, UserDoc, UserPageDoc } from './users.dto';

/** Users of the caller's own tenant. Another tenant's user id answers 404. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('users:read')
  @ApiOperation({ summary: 'Users of your tenant' })
  @ApiOkResponse({ type: UserPageDoc })
  list(@Query() query: ListUsersQuery): Promise<UserPage> {
    return this.system.send(SystemPatterns.userList, query);
  }

  @Post()
  @RequirePermissions('users:manage')
  @ApiOperation({ summary: 'Create a user in your tenant', description: 'You can grant only roles whose permissions you hold.' })
  @ApiCreatedResponse({ type: UserDoc })
  create(@Body() body: CreateUserBody): Promise<UserView> {
    return this.system.send(SystemPatterns.userCreate, body);
  }

  @Get(':id')
  @RequirePermissions('users:read')
  @ApiOperation({ summary: 'One user of your tenant' })
  @ApiOkResponse({ type: UserDoc })
  get(@Param() params: IdParams): Promise<UserView> {
    return this.system.send(SystemPatterns.userGet, { id: params.id });
  }

  @Patch(':id')
  @RequirePermissions('users:manage')
  @ApiOperation({ summary: 'Change display name, roles, status or consumer link' })
  @ApiOkResponse({ type: UserDoc })
  update(@Param() params: IdParams, @Body() body: UpdateUserBody): Promise<UserView> {
    return this.system.send(SystemPatterns.userUpdate, { id: params.id, ...body });
  }

  @Post(':id/revoke-sessions')
  @HttpCode(200)
  @RequirePermissions('users:manage')
  @ApiOperation({ summary: 'End every session of the user (their tokens stop working at once)' })
  @ApiOkResponse({ type: SessionsRevokedDoc })
  revokeSessions(@Param() params: IdParams): Promise<SessionsRevoked> {
    return this.system.send(SystemPatterns.userRevokeSessions, { id: params.id });
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermissions('users:manage')
  @ApiOperation({ summary: 'Lift a lockout after repeated failed sign-ins' })
  @ApiOkResponse({ type: UserDoc })
  unlock(@Param() params: IdParams): Promise<UserView> {
    return this.system.send(SystemPatterns.userUnlock, { id: params.id });
  }

  @Put(':id/password')
  @RequirePermissions('self:read')
  @ApiOperation({
    summary: 'Set a password: your own (with the current one) or, as an administrator, anyone\'s in your tenant',
    description: 'Ends the user\'s other sessions (all of them after an administrator\'s reset).',
  })
  @ApiOkResponse({ type: SessionsRevokedDoc })
  setPassword(@Param() params: IdParams, @Body() body: SetPasswordBody): Promise<SessionsRevoked> {
    return this.system.send(SystemPatterns.userSetPassword, { id: params.id, ...body });
  }
}
