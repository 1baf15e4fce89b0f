import 'reflect-metadata';
import { runBackendService } from '@app/common';
import { loadSystemConfig } from './config';
import { SystemModule } from './system.module';

const config = loadSystemConfig();
runBackendService('system', config, (identity) => SystemModule.register(config, identity)).catch((error: unknown) => {
  process.stderr.write(`system failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
