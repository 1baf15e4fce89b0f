import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { HIERARCHY_KINDS } from '@app/contracts';
import type { CreateHierarchyNodeRequest, HierarchyKind, HierarchyNodeView, ListHierarchyRequest } from '@app/contracts';

const KINDS_RULE = 'region (root) > district > locality > building; substation > feeder > transformer';

export class ListHierarchyQuery implements ListHierarchyRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Children of this node; without it, the whole tree' }) @IsOptional() @IsUUID() parentId?: string;
}

export class CreateHierarchyNodeBody implements CreateHierarchyNodeRequest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Parent node; omitted or null for a root' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
  @ApiProperty({ enum: HIERARCHY_KINDS, description: KINDS_RULE }) @IsIn(HIERARCHY_KINDS) kind!: HierarchyKind;
  @ApiProperty({ example: 'Harbour district' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ description: 'Your own code for the node' }) @IsOptional() @IsString() @Length(1, 100) code?: string;
}

export class UpdateHierarchyNodeBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @Length(1, 100) code?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Moves the node with its subtree (null: to the root)' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
}

export class HierarchyNodeDoc implements HierarchyNodeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: HIERARCHY_KINDS }) kind!: HierarchyKind;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ description: '0 for a root' }) depth!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
