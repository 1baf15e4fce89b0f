import 'reflect-metadata';
import { runBackendService } from '@app/common';
import { loadMeteringConfig } from './config';
import { MeteringModule } from './metering.module';

const config = loadMeteringConfig();
runBackendService('metering', config, (identity) => MeteringModule.register(config, identity)).catch((error: unknown) => {
  process.stderr.write(`metering failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
