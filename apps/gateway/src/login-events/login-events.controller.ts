import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { rpcClientToken } from '@app/common';
import { LOGIN_OUTCOMES, SystemPatterns } from '@app/contracts';
import type { ListLoginEventsRequest, LoginEventView, LoginOutcome, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';

export class LoginEventsQuery implements ListLoginEventsRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: LOGIN_OUTCOMES }) @IsOptional() @IsIn(LOGIN_OUTCOMES) outcome?: LoginOutcome;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only events before this instant' }) @IsOptional() @IsISO8601({ strict: true }) before?: string;
}

export class LoginEventDoc implements LoginEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) tenantId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ enum: LOGIN_OUTCOMES }) outcome!: LoginOutcome;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** The sign-in audit trail of the caller's tenant. */
@ApiTags('users')
@Controller('login-events')
export class LoginEventsController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('users:manage')
  @ApiOperation({ summary: 'Sign-in attempts in your tenant, newest first' })
  @ApiOkResponse({ type: [LoginEventDoc] })
  list(@Query() query: LoginEventsQuery): Promise<LoginEventView[]> {
    return this.system.send(SystemPatterns.loginEventList, query);
  }
}
