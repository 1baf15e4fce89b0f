import { Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysRpc } from './api-keys.rpc';
import { ApiKeysService } from './api-keys.service';

@Module({ controllers: [ApiKeysRpc], providers: [ApiKeysRepository, ApiKeysService], exports: [ApiKeysRepository] })
export class ApiKeysModule {}
