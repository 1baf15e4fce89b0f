import { z } from 'zod';
import { coreVariables, gatewayVariables, loadConfigOrExit } from '@app/common';

/** Environment of the gateway service, validated at boot. */
export const gatewayConfigSchema = z.object({
  ...coreVariables,
  ...gatewayVariables,
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The only place the gateway service reads the process environment. */
export function loadGatewayConfig(): GatewayConfig {
  return loadConfigOrExit('gateway', gatewayConfigSchema, process.env);
}
