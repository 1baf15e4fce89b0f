import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HISTORY_ENTITY_TYPES } from '@app/contracts';
import type { HistoryEntityType, ListHistoryRequest } from '@app/contracts';

export class ListHistoryDto implements ListHistoryRequest {
  @IsOptional() @IsIn(HISTORY_ENTITY_TYPES) entityType?: HistoryEntityType;
  @IsOptional() @IsUUID() entityId?: string;
  @IsOptional() @IsNumberString({ no_symbols: true }) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}
