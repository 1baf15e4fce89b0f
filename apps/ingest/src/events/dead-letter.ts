/**
 * Why an MQTT message was not turned into an event. Wire names (stored with dead letters): add, never rename.
 *  - NOT_AN_EVENT_TOPIC: the topic is not `application/{uuid}/device/{devEui}/event/{event}`.
 *  - UNKNOWN_EVENT: the topic's `{event}` is none of up, join, status, ack, txack, log, location.
 *  - OVERSIZED: the message exceeds `maxMessageBytes`, or the frame payload (`data`) `maxFramePayloadBytes`.
 *  - MALFORMED_JSON: not UTF-8 or not JSON. NOT_AN_OBJECT: JSON, but not an object at the top.
 *  - WRONG_TYPE: a field of the wrong JSON type, out of its proto range, or not a known enum value.
 *  - MISSING_FIELD: a field ChirpStack always sends is absent. BAD_BASE64: a `bytes` field that is not
 *    canonical standard base64. TOPIC_MISMATCH: `deviceInfo.devEui`/`applicationId` differ from the topic's.
 */
export const DEAD_LETTER_CODES = [
  'NOT_AN_EVENT_TOPIC',
  'UNKNOWN_EVENT',
  'OVERSIZED',
  'MALFORMED_JSON',
  'NOT_AN_OBJECT',
  'WRONG_TYPE',
  'MISSING_FIELD',
  'BAD_BASE64',
  'TOPIC_MISMATCH',
] as const;
export type DeadLetterCode = (typeof DEAD_LETTER_CODES)[number];

/** A rejected message: the code, the JSON path of the field at fault (`topic`, `payload` for the whole message), a reason. */
export interface DeadLetterReason {
  code: DeadLetterCode;
  field: string;
  message: string;
}

/** Size limits applied before and while parsing (bytes). */
export interface ParseLimits {
  /** The whole MQTT payload. */
  maxMessageBytes: number;
  /** The decoded FRMPayload (`data`) of an uplink. */
  maxFramePayloadBytes: number;
}

/**
 * ChirpStack events are about 1-3 KB (more with many gateways or a large `object`); LoRaWAN FRMPayloads are at
 * most 242 bytes (EU868 DR7), 255 leaves room for any region.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxMessageBytes: 64 * 1024, maxFramePayloadBytes: 255 };

/** Events read back from our own archive were admitted under the limits once: no size limit applies again. */
export const ARCHIVED_PARSE_LIMITS: ParseLimits = { maxMessageBytes: Number.MAX_SAFE_INTEGER, maxFramePayloadBytes: Number.MAX_SAFE_INTEGER };
