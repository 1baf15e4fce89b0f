import { z } from 'zod';
import { coreVariables, postgresVariables, clickhouseVariables, mqttVariables, loadConfigOrExit } from '@app/common';
import { COMMAND_EXPIRY_BOUNDS } from '@app/contracts';

/** Downlink commands: where they are published and how long they wait for an outcome. */
export const commandVariables = {
  /**
   * ChirpStack application of a device ingest has not heard yet (ingest records each device's application in
   * Redis). Unset: a command for such a device is refused (409).
   */
  CHIRPSTACK_APPLICATION_ID: z.uuid({ error: 'must be a UUID (the ChirpStack application id)' }).optional(),
  /** Deadline of a command when the request names none (`expiresInSeconds`). */
  METERING_COMMAND_TTL_SECONDS: z.coerce.number().int().min(COMMAND_EXPIRY_BOUNDS.minSeconds).max(COMMAND_EXPIRY_BOUNDS.maxSeconds).default(24 * 3600),
  /** How often the expiry sweep looks for commands past their deadline. */
  METERING_COMMAND_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** How long a `command/down` publish may wait for the broker's PUBACK before the command is failed. */
  METERING_MQTT_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
};

/** Environment of the metering service, validated at boot. */
export const meteringConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
  ...clickhouseVariables,
  ...mqttVariables,
  ...commandVariables,
});
export type MeteringConfig = z.infer<typeof meteringConfigSchema>;

/** The only place the metering service reads the process environment. */
export function loadMeteringConfig(): MeteringConfig {
  return loadConfigOrExit('metering', meteringConfigSchema, process.env);
}
