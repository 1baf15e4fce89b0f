import { z } from 'zod';
import { coreVariables, postgresVariables, clickhouseVariables, loadConfigOrExit } from '@app/common';

/** Environment of the metering service, validated at boot. */
export const meteringConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
  ...clickhouseVariables,
});
export type MeteringConfig = z.infer<typeof meteringConfigSchema>;

/** The only place the metering service reads the process environment. */
export function loadMeteringConfig(): MeteringConfig {
  return loadConfigOrExit('metering', meteringConfigSchema, process.env);
}
