import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@app/contracts';
import { ErrorBodyDoc } from '../http/error.openapi';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSIONS = 'access:permissions';
export const ANY_PERMISSIONS = 'access:any-permissions';

/** OpenAPI extensions naming each operation's access rule (the route-walk test reads them). */
export const X_PUBLIC = 'x-public';
export const X_REQUIRED_PERMISSIONS = 'x-required-permissions';
export const X_ANY_PERMISSIONS = 'x-any-permissions';

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

/**
 * A route open to holders of any one of `permissions`: an operator permission or `self:read`
 * (a consumer user). The service then scopes the answer by the actor, so a consumer user gets only
 * its own data and NOT_FOUND for anything else.
 */
export const RequireAnyPermission = (...permissions: [Permission, Permission, ...Permission[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ANY_PERMISSIONS, permissions),
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
    ApiExtension(X_ANY_PERMISSIONS, permissions),
    ApiUnauthorizedResponse({ type: ErrorBodyDoc, description: 'No credentials, or a token or API key that is invalid, expired or revoked' }),
    ApiForbiddenResponse({ type: ErrorBodyDoc, description: `Needs one of the permissions ${permissions.join(', ')}` }),
  );
