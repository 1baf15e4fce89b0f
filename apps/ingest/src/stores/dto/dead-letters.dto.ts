import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DeviceFormats } from '@app/contracts';
import type { DeadLetterCountsRequest, ListDeadLettersRequest } from '@app/contracts';

/** Dead-letter codes are upper-case wire names (parser codes, CODEC_REJECTED): anything else matches nothing. */
export const CODE_FORMAT = /^[A-Z][A-Z0-9_]{0,63}$/;

export class DeadLetterCountsDto implements DeadLetterCountsRequest {
  @IsOptional() @IsUUID() tenantId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class ListDeadLettersDto extends DeadLetterCountsDto implements ListDeadLettersRequest {
  @IsOptional() @IsString() @Matches(CODE_FORMAT, { message: 'code must be an upper-case dead-letter code' }) code?: string;
  @IsOptional() @IsString() @Matches(DeviceFormats.eui, { message: 'devEui must be 16 hexadecimal digits' }) devEui?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}
