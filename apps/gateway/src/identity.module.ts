import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { LoginEventsController } from './login-events/login-events.controller';
import { RolesController } from './roles/roles.controller';
import { TenantsController } from './tenants/tenants.controller';
import { UsersController } from './users/users.controller';

/** REST endpoints of identity and access; each forwards to the system service with the caller as actor. */
@Module({ controllers: [TenantsController, UsersController, RolesController, ApiKeysController, LoginEventsController] })
export class IdentityModule {}
