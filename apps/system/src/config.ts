import { z } from 'zod';
import { authVariables, coreVariables, loadConfigOrExit, postgresVariables, secretsKeyVariables, withProductionSecrets, withProductionSecretsKey } from '@app/common';

const count = z.coerce.number().int().positive();

/** Login throttling: a per-account lockout and a per-address limit on failed attempts. */
export const loginPolicyVariables = {
  /** Failed logins in a row that lock an account (and, alike, an unknown email). */
  LOGIN_MAX_FAILURES: count.max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: count.max(24 * 60).default(15),
  /** Failed logins from one address within the window before it gets RATE_LIMITED. */
  LOGIN_IP_MAX_FAILURES: count.max(100_000).default(50),
  LOGIN_IP_WINDOW_SECONDS: count.max(24 * 3600).default(900),
};

/** Environment of the system service, validated at boot. */
export const systemConfigSchema = withProductionSecretsKey(
  withProductionSecrets(
    z.object({
      ...coreVariables,
      ...postgresVariables,
      ...authVariables,
      ...secretsKeyVariables,
      ...loginPolicyVariables,
    }),
  ),
);
export type SystemConfig = z.infer<typeof systemConfigSchema>;

/** The only place the system service reads the process environment. */
export function loadSystemConfig(): SystemConfig {
  return loadConfigOrExit('system', systemConfigSchema, process.env);
}
