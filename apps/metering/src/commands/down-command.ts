import { DeviceFormats, DomainError } from '@app/contracts';

/** Largest LoRaWAN application payload (the data rate with the biggest MTU). */
export const MAX_DOWNLINK_BYTES = 242;

export interface DownCommandInput {
  /** Our command id; ChirpStack returns it as `queueItemId` in txack, ack and log events. */
  commandId: string;
  /** ChirpStack application UUID. */
  applicationId: string;
  /** 16 hex digits; sent lowercase (ChirpStack compares it with the topic's by exact string). */
  devEui: string;
  fPort: number;
  bytes: Uint8Array;
  confirmed: boolean;
  expiresAt: Date;
}

export interface DownCommandMessage {
  topic: string;
  /** The JSON ChirpStack reads (chirpstack.md 1.4); no `flushQueue`, it is ignored over MQTT. */
  payload: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
}

/** RFC 3339 in UTC, without fractions when there are none (`2026-03-02T12:00:00Z`). */
export function rfc3339(at: Date): string {
  const iso = at.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * The `command/down` message for one downlink (chirpstack.md 1.4): topic
 * `application/{applicationId}/device/{devEui}/command/down`, JSON fields in ChirpStack's order. Every field is
 * checked; a bad one is a VALIDATION_FAILED DomainError naming it.
 */
export function buildDownCommand(input: DownCommandInput): DownCommandMessage {
  const { commandId, applicationId, devEui, fPort, bytes, confirmed, expiresAt } = input;
  if (typeof commandId !== 'string' || !UUID.test(commandId)) throw invalid('commandId', 'must be a UUID');
  if (typeof applicationId !== 'string' || !UUID.test(applicationId)) throw invalid('applicationId', 'must be a UUID');
  if (typeof devEui !== 'string' || !DeviceFormats.eui.test(devEui)) throw invalid('devEui', 'must be 16 hex digits');
  if (typeof fPort !== 'number' || !Number.isInteger(fPort) || fPort < 1 || fPort > 255) {
    throw invalid('fPort', 'must be an integer from 1 to 255');
  }
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_DOWNLINK_BYTES) {
    throw invalid('bytes', `must be 1 to ${MAX_DOWNLINK_BYTES} bytes`);
  }
  if (typeof confirmed !== 'boolean') throw invalid('confirmed', 'must be a boolean');
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw invalid('expiresAt', 'must be a valid date');
  const eui = devEui.toLowerCase();
  const app = applicationId.toLowerCase();
  const payload = {
    id: commandId.toLowerCase(),
    devEui: eui,
    confirmed,
    fPort,
    data: Buffer.from(bytes).toString('base64'),
    expiresAt: rfc3339(expiresAt),
  };
  return { topic: `application/${app}/device/${eui}/command/down`, payload: JSON.stringify(payload) };
}
