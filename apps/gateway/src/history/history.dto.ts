import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HISTORY_ACTIONS, HISTORY_ACTOR_KINDS, HISTORY_ENTITY_TYPES } from '@app/contracts';
import type { FieldDiff, HistoryAction, HistoryActorKind, HistoryEntityType, HistoryEntryView, HistoryPage, ListHistoryRequest } from '@app/contracts';

export class HistoryPageQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsNumberString({ no_symbols: true }) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class ListHistoryQuery extends HistoryPageQuery implements ListHistoryRequest {
  @ApiPropertyOptional({ enum: HISTORY_ENTITY_TYPES }) @IsOptional() @IsIn(HISTORY_ENTITY_TYPES) entityType?: HistoryEntityType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entityId?: string;
}

export class HistoryEntryDoc implements HistoryEntryView {
  @ApiProperty({ description: 'Position in the history (newer entries have larger ids)' }) id!: string;
  @ApiProperty({ enum: HISTORY_ENTITY_TYPES }) entityType!: HistoryEntityType;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ enum: HISTORY_ACTIONS }) action!: HistoryAction;
  @ApiProperty({ enum: HISTORY_ACTOR_KINDS }) actorKind!: HistoryActorKind;
  @ApiProperty({ nullable: true, type: String, description: 'User or API key id; null for the platform itself' }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { name: { from: 'Old', to: 'New' }, appKey: { from: '[changed]', to: '[changed]' } } })
  changes!: FieldDiff;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class HistoryPageDoc implements HistoryPage {
  @ApiProperty({ type: [HistoryEntryDoc] }) items!: HistoryEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
