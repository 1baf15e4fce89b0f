import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { COMMAND_EXPIRY_BOUNDS, COMMAND_KINDS } from '@app/contracts';
import type { CommandKind, IdRequest, ListCommandsRequest } from '@app/contracts';

/** Longest reporting interval a command may set: a week (codecs refuse what their device cannot take). */
export const MAX_REPORTING_SECONDS = 7 * 24 * 3600;

/**
 * `metering.command.create`: the meter, the command's `{type, ...}` fields (each value field required for its
 * type only) and the options. Its shape is the HTTP body's plus `meterId`.
 */
export class CreateCommandDto {
  @IsUUID() meterId!: string;
  @IsIn(COMMAND_KINDS) type!: CommandKind;
  @ValidateIf((o: CreateCommandDto) => o.type === 'valve') @IsBoolean() open!: boolean;
  @ValidateIf((o: CreateCommandDto) => o.type === 'relay') @IsBoolean() on!: boolean;
  @ValidateIf((o: CreateCommandDto) => o.type === 'reporting_interval') @IsInt() @Min(1) @Max(MAX_REPORTING_SECONDS) seconds!: number;
  @ValidateIf((o: CreateCommandDto) => o.type === 'time_sync') @IsISO8601({ strict: true }) at!: string;
  @IsOptional() @IsBoolean() confirmed?: boolean;
  @IsOptional() @IsInt() @Min(COMMAND_EXPIRY_BOUNDS.minSeconds) @Max(COMMAND_EXPIRY_BOUNDS.maxSeconds) expiresInSeconds?: number;
}

export class ListCommandsDto implements ListCommandsRequest {
  @IsUUID() meterId!: string;
  @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class CommandIdDto implements IdRequest {
  @IsUUID() id!: string;
}

