import { z } from 'zod';
import { clickhouseVariables, coreVariables, gatewayVariables, loadConfigOrExit, postgresVariables } from '@app/common';

/** Environment of the operator tools (migrate, healthcheck): the union of what they touch. */
export const toolsConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
  ...clickhouseVariables,
  GATEWAY_PORT: gatewayVariables.GATEWAY_PORT,
});
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;

export function loadToolsConfig(): ToolsConfig {
  return loadConfigOrExit('tools', toolsConfigSchema, process.env);
}
