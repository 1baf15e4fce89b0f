import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SERVICE_POINT_STATUSES, UTILITIES } from '@app/contracts';
import type { CreateServicePointRequest, ListServicePointsRequest, ServicePointStatus, Utility } from '@app/contracts';

const nullable = () => ValidateIf((_, v) => v !== null);

export class CreateServicePointBody implements CreateServicePointRequest {
  @ApiProperty({ example: 'SP-000123', description: 'Letters, digits, . _ / - (no spaces); unique in your tenant' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ enum: UTILITIES }) @IsIn(UTILITIES) utility!: Utility;
  @ApiPropertyOptional({ format: 'uuid', description: 'An active consumer of your tenant' }) @IsOptional() @IsUUID() consumerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Hierarchy node (object, building)' }) @IsOptional() @IsUUID() nodeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class UpdateServicePointBody {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Move-in (a consumer) or move-out (null)' }) @IsOptional() @nullable() @IsUUID() consumerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @nullable() @IsUUID() nodeId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(500) address?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(500) description?: string | null;
}

export class ListServicePointsQuery implements ListServicePointsRequest {
  @ApiPropertyOptional({ description: 'Prefix of the code' }) @IsOptional() @IsString() @MaxLength(40) search?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() consumerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() nodeId?: string;
  @ApiPropertyOptional({ enum: UTILITIES }) @IsOptional() @IsIn(UTILITIES) utility?: Utility;
  @ApiPropertyOptional({ enum: SERVICE_POINT_STATUSES }) @IsOptional() @IsIn(SERVICE_POINT_STATUSES) status?: ServicePointStatus;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AttachMeterBody {
  @ApiProperty({ format: 'uuid', description: 'A meter of the same utility that serves no other point at that time' }) @IsUUID() meterId!: string;
  @ApiProperty({ format: 'date-time', description: 'From when the meter serves the point' }) @IsISO8601({ strict: true }) validFrom!: string;
}

export class DetachMeterBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() meterId!: string;
  @ApiProperty({ format: 'date-time', description: 'Until when the meter served the point (after its start)' }) @IsISO8601({ strict: true }) validTo!: string;
}
