import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { HIERARCHY_KINDS } from '@app/contracts';
import type { CreateHierarchyNodeRequest, HierarchyKind, ListHierarchyRequest, UpdateHierarchyNodeRequest } from '@app/contracts';

export class ListHierarchyDto implements ListHierarchyRequest {
  @IsOptional() @IsUUID() parentId?: string;
}

export class CreateHierarchyNodeDto implements CreateHierarchyNodeRequest {
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() parentId?: string | null;
  @IsIn(HIERARCHY_KINDS) kind!: HierarchyKind;
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @IsString() @Length(1, 100) code?: string;
}

export class UpdateHierarchyNodeDto implements UpdateHierarchyNodeRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @Length(1, 100) code?: string | null;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() parentId?: string | null;
}
