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

/**
 * ChirpStack provisioning (optional): meters with a LoRaWAN identity are created in ChirpStack through
 * its REST API (chirpstack-rest-api). All four of URL, token, application and device profile, or none.
 */
export const chirpstackVariables = {
  /** Base URL of the REST proxy, e.g. http://chirpstack-rest-api:8090. */
  CHIRPSTACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /** API key (`chirpstack create-api-key`). A secret: never logged. */
  CHIRPSTACK_API_TOKEN: z.string().min(1).optional(),
  /** Application UUID the devices are created in. */
  CHIRPSTACK_APPLICATION_ID: z.uuid({ error: 'must be a UUID (the ChirpStack application id)' }).optional(),
  /** Device-profile UUID of the created devices (region, MAC version, codec). */
  CHIRPSTACK_DEVICE_PROFILE_ID: z.uuid({ error: 'must be a UUID (the ChirpStack device-profile id)' }).optional(),
  /** Deadline of one request to ChirpStack. */
  CHIRPSTACK_TIMEOUT_MS: count.max(60_000).default(2000),
};

const CHIRPSTACK_REQUIRED = ['CHIRPSTACK_API_URL', 'CHIRPSTACK_API_TOKEN', 'CHIRPSTACK_APPLICATION_ID', 'CHIRPSTACK_DEVICE_PROFILE_ID'] as const;

/** ChirpStack is configured with all four variables or none: one set alone names the missing ones. */
function withChirpstackAllOrNone<S extends z.ZodObject>(schema: S): S {
  return schema.superRefine((value: Record<string, unknown>, ctx) => {
    const missing = CHIRPSTACK_REQUIRED.filter((name) => value[name] === undefined);
    if (missing.length === 0 || missing.length === CHIRPSTACK_REQUIRED.length) return;
    for (const name of missing) ctx.addIssue({ code: 'custom', path: [name], message: 'required with the other ChirpStack variables (set URL, token, application and device profile, or none)' });
  });
}

/** Environment of the system service, validated at boot. */
export const systemConfigSchema = withChirpstackAllOrNone(
  withProductionSecretsKey(
    withProductionSecrets(
      z.object({
        ...coreVariables,
        ...postgresVariables,
        ...authVariables,
        ...secretsKeyVariables,
        ...loginPolicyVariables,
        ...chirpstackVariables,
      }),
    ),
  ),
);
export type SystemConfig = z.infer<typeof systemConfigSchema>;

/** The only place the system service reads the process environment. */
export function loadSystemConfig(): SystemConfig {
  return loadConfigOrExit('system', systemConfigSchema, process.env);
}
