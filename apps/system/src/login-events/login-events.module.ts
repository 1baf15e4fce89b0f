import { Module } from '@nestjs/common';
import { LoginEventsRepository } from './login-events.repository';
import { LoginEventsRpc } from './login-events.rpc';

@Module({ controllers: [LoginEventsRpc], providers: [LoginEventsRepository], exports: [LoginEventsRepository] })
export class LoginEventsModule {}
