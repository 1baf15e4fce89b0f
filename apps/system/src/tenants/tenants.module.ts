import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { TenantsRepository } from './tenants.repository';
import { TenantsRpc } from './tenants.rpc';
import { TenantsService } from './tenants.service';

@Module({
  imports: [UsersModule, SessionsModule, ApiKeysModule],
  controllers: [TenantsRpc],
  providers: [TenantsRepository, TenantsService],
  exports: [TenantsRepository],
})
export class TenantsModule {}
