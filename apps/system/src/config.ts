import { z } from 'zod';
import { coreVariables, postgresVariables, loadConfigOrExit } from '@app/common';

/** Environment of the system service, validated at boot. */
export const systemConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
});
export type SystemConfig = z.infer<typeof systemConfigSchema>;

/** The only place the system service reads the process environment. */
export function loadSystemConfig(): SystemConfig {
  return loadConfigOrExit('system', systemConfigSchema, process.env);
}
