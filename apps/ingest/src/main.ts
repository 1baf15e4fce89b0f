import 'reflect-metadata';
import { runBackendService } from '@app/common';
import { loadIngestConfig } from './config';
import { IngestModule } from './ingest.module';

const config = loadIngestConfig();
runBackendService('ingest', config, (identity) => IngestModule.register(config, identity)).catch((error: unknown) => {
  process.stderr.write(`ingest failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
