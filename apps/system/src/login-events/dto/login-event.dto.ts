import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LOGIN_OUTCOMES } from '@app/contracts';
import type { ListLoginEventsRequest, LoginOutcome } from '@app/contracts';

export class ListLoginEventsDto implements ListLoginEventsRequest {
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @IsIn(LOGIN_OUTCOMES) outcome?: LoginOutcome;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsISO8601({ strict: true }) before?: string;
}
