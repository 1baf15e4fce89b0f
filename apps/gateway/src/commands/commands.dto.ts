import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { COMMAND_EXPIRY_BOUNDS, COMMAND_KINDS } from '@app/contracts';
import type { CommandKind, CommandOptions } from '@app/contracts';

/** Longest reporting interval a command may set (a week); a codec may refuse less (422 naming `seconds`). */
export const MAX_REPORTING_SECONDS = 7 * 24 * 3600;

/**
 * `POST /meters/{id}/commands`: `{type, ...}` with the value field of that type (required for it only), plus the
 * options. Fields of other types are ignored.
 */
export class CreateCommandBody implements CommandOptions {
  @ApiProperty({ enum: COMMAND_KINDS, description: 'The command; the meter\'s codec must support it (else 422 naming `type`)' })
  @IsIn(COMMAND_KINDS)
  type!: CommandKind;

  @ApiPropertyOptional({ description: 'type=valve (required): true opens, false closes' })
  @ValidateIf((o: CreateCommandBody) => o.type === 'valve')
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'type=relay (required): true switches on' })
  @ValidateIf((o: CreateCommandBody) => o.type === 'relay')
  @IsBoolean()
  on?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REPORTING_SECONDS, description: 'type=reporting_interval (required): seconds between uplinks' })
  @ValidateIf((o: CreateCommandBody) => o.type === 'reporting_interval')
  @IsInt()
  @Min(1)
  @Max(MAX_REPORTING_SECONDS)
  seconds?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'type=time_sync (required): the time to set' })
  @ValidateIf((o: CreateCommandBody) => o.type === 'time_sync')
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'Ask the device to acknowledge (default: the codec\'s choice, else true; `acknowledged` needs it)' })
  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;

  @ApiPropertyOptional({
    minimum: COMMAND_EXPIRY_BOUNDS.minSeconds,
    maximum: COMMAND_EXPIRY_BOUNDS.maxSeconds,
    description: 'Our deadline, also ChirpStack\'s `expiresAt` (default METERING_COMMAND_TTL_SECONDS, 24 h). A command still waiting for its txack (or, confirmed, its ack) then becomes `expired`.',
  })
  @IsOptional()
  @IsInt()
  @Min(COMMAND_EXPIRY_BOUNDS.minSeconds)
  @Max(COMMAND_EXPIRY_BOUNDS.maxSeconds)
  expiresInSeconds?: number;
}

export class ListCommandsQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
