import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { EntityHistoryRequest } from '@app/contracts';

export class EntityHistoryDto implements EntityHistoryRequest {
  @IsIn(['consumer', 'service_point', 'meter']) entityType!: EntityHistoryRequest['entityType'];
  @IsUUID() entityId!: string;
  @IsOptional() @IsNumberString({ no_symbols: true }) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}
