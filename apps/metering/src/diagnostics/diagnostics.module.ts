import { Module } from '@nestjs/common';
import { DiagnosticsRpc } from './diagnostics.rpc';
import { DiagnosticsService } from './diagnostics.service';

@Module({ controllers: [DiagnosticsRpc], providers: [DiagnosticsService] })
export class DiagnosticsModule {}
