import { z } from 'zod';
import { coreVariables, postgresVariables, loadConfigOrExit } from '@app/common';

/** Environment of the billing service, validated at boot. */
export const billingConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
});
export type BillingConfig = z.infer<typeof billingConfigSchema>;

/** The only place the billing service reads the process environment. */
export function loadBillingConfig(): BillingConfig {
  return loadConfigOrExit('billing', billingConfigSchema, process.env);
}
