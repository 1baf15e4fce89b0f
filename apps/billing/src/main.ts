import 'reflect-metadata';
import { runBackendService } from '@app/common';
import { loadBillingConfig } from './config';
import { BillingModule } from './billing.module';

const config = loadBillingConfig();
runBackendService('billing', config, (identity) => BillingModule.register(config, identity)).catch((error: unknown) => {
  process.stderr.write(`billing failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
