import { z } from 'zod';
import { authVariables, coreVariables, gatewayVariables, loadConfigOrExit, withProductionSecrets } from '@app/common';

/** Environment of the gateway service, validated at boot. */
export const gatewayConfigSchema = withProductionSecrets(
  z.object({
    ...coreVariables,
    ...gatewayVariables,
    ...authVariables,
  }),
);
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The only place the gateway service reads the process environment. */
export function loadGatewayConfig(): GatewayConfig {
  return loadConfigOrExit('gateway', gatewayConfigSchema, process.env);
}
