import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DeviceFormats } from '@app/contracts';
import type { DeadLetterCountsRequest, ListDeadLettersRequest, ListUnassignedRequest } from '@app/contracts';

/**
 * Query parameters of the ingest read routes. There is deliberately no `tenantId`: the gateway takes it from
 * the caller (an unknown parameter is a 400), so a tenant user can never ask for another tenant's rows.
 */
export class DeadLetterCountsQuery implements Omit<DeadLetterCountsRequest, 'tenantId'> {
  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or after (whole seconds)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Received before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class ListDeadLettersQuery extends DeadLetterCountsQuery implements Omit<ListDeadLettersRequest, 'tenantId'> {
  @ApiPropertyOptional({ example: 'CODEC_REJECTED', description: 'Parser code (NOT_AN_EVENT_TOPIC, MALFORMED_JSON, WRONG_TYPE, ...) or CODEC_REJECTED' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'code must be an upper-case dead-letter code' })
  code?: string;
  @ApiPropertyOptional({ example: '70b3d5e75e00abcd', description: '16 hex digits' }) @IsOptional() @Matches(DeviceFormats.eui, { message: 'devEui must be 16 hexadecimal digits' }) devEui?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}

export class ListUnassignedQuery implements ListUnassignedRequest {
  @ApiPropertyOptional({ example: '70b3d5e75e00abcd', description: '16 hex digits' }) @IsOptional() @Matches(DeviceFormats.eui, { message: 'devEui must be 16 hexadecimal digits' }) devEui?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}
