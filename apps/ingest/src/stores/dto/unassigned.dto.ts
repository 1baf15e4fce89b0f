import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DeviceFormats } from '@app/contracts';
import type { ListUnassignedRequest } from '@app/contracts';

export class ListUnassignedDto implements ListUnassignedRequest {
  @IsOptional() @IsString() @Matches(DeviceFormats.eui, { message: 'devEui must be 16 hexadecimal digits' }) devEui?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}
