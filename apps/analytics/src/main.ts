import 'reflect-metadata';
import { runBackendService } from '@app/common';
import { loadAnalyticsConfig } from './config';
import { AnalyticsModule } from './analytics.module';

const config = loadAnalyticsConfig();
runBackendService('analytics', config, (identity) => AnalyticsModule.register(config, identity)).catch((error: unknown) => {
  process.stderr.write(`analytics failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
