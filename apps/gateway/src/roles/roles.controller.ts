import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, ROLES, ROLE_DESCRIPTIONS, ROLE_PERMISSIONS } from '@app/contracts';
import type { Permission, Role, RoleView } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';

export class RoleDoc implements RoleView {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
}

/** The fixed roles and their permissions, as defined in libs/contracts (read-only). */
@ApiTags('users')
@Controller('roles')
export class RolesController {
  @Get()
  @RequirePermissions('users:read')
  @ApiOperation({ summary: 'Roles and the permissions each grants' })
  @ApiOkResponse({ type: [RoleDoc] })
  list(): RoleView[] {
    return ROLES.map((role) => ({ role, description: ROLE_DESCRIPTIONS[role], permissions: [...ROLE_PERMISSIONS[role]] }));
  }
}
