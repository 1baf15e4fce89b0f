import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@app/contracts';
import { ErrorBodyDoc } from '../http/error.openapi';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSIONS = 'access:permissions';

/** OpenAPI extensions naming each operation's access rule (the route-walk test reads them). */
export const X_PUBLIC = 'x-public';
export const X_REQUIRED_PERMISSIONS = 'x-required-permissions';

/** A route anyone may call without credentials (health, login, refresh). Every other route needs them. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(X_PUBLIC, true));

/**
 * The permissions a route needs (all of them). Every non-public route declares this; a route with
 * neither is refused by the guard (fail closed).
 */
export const RequirePermissions = (...permissions: [Permission, ...Permission[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
    ApiExtension(X_REQUIRED_PERMISSIONS, permissions),
    ApiUnauthorizedResponse({ type: ErrorBodyDoc, description: 'No credentials, or a token or API key that is invalid, expired or revoked' }),
    ApiForbiddenResponse({ type: ErrorBodyDoc, description: `Needs permission ${permissions.join(' + ')}` }),
  );
