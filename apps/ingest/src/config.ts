import { z } from 'zod';
import { coreVariables, clickhouseVariables, mqttVariables, loadConfigOrExit } from '@app/common';

/** Environment of the ingest service, validated at boot. */
export const ingestConfigSchema = z.object({
  ...coreVariables,
  ...clickhouseVariables,
  ...mqttVariables,
});
export type IngestConfig = z.infer<typeof ingestConfigSchema>;

/** The only place the ingest service reads the process environment. */
export function loadIngestConfig(): IngestConfig {
  return loadConfigOrExit('ingest', ingestConfigSchema, process.env);
}
