import { IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SERVICE_POINT_STATUSES, UTILITIES } from '@app/contracts';
import type {
  AttachMeterRequest,
  CreateServicePointRequest,
  DetachMeterRequest,
  ListServicePointsRequest,
  ServicePointStatus,
  UpdateServicePointRequest,
  Utility,
} from '@app/contracts';

const nullable = () => ValidateIf((_, v) => v !== null);

export class CreateServicePointDto implements CreateServicePointRequest {
  @IsString() @Length(1, 40) code!: string;
  @IsIn(UTILITIES) utility!: Utility;
  @IsOptional() @IsUUID() consumerId?: string;
  @IsOptional() @IsUUID() nodeId?: string;
  @IsOptional() @IsString() @MaxLength(500) address?: string;
  @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class UpdateServicePointDto implements UpdateServicePointRequest {
  @IsUUID() id!: string;
  @IsOptional() @nullable() @IsUUID() consumerId?: string | null;
  @IsOptional() @nullable() @IsUUID() nodeId?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(500) address?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(500) description?: string | null;
}

export class ListServicePointsDto implements ListServicePointsRequest {
  @IsOptional() @IsString() @MaxLength(40) search?: string;
  @IsOptional() @IsUUID() consumerId?: string;
  @IsOptional() @IsUUID() nodeId?: string;
  @IsOptional() @IsIn(UTILITIES) utility?: Utility;
  @IsOptional() @IsIn(SERVICE_POINT_STATUSES) status?: ServicePointStatus;
  @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AttachMeterDto implements AttachMeterRequest {
  @IsUUID() id!: string;
  @IsUUID() meterId!: string;
  @IsISO8601({ strict: true }) validFrom!: string;
}

export class DetachMeterDto implements DetachMeterRequest {
  @IsUUID() id!: string;
  @IsUUID() meterId!: string;
  @IsISO8601({ strict: true }) validTo!: string;
}
