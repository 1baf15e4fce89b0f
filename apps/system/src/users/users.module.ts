import { Module } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersRepository } from './users.repository';
import { UsersRpc } from './users.rpc';
import { UsersService } from './users.service';

@Module({
  imports: [SessionsModule],
  controllers: [UsersRpc],
  providers: [UsersRepository, UsersService, PasswordHasher],
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
