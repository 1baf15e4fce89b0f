import { isUtf8 } from 'node:buffer';
import type { DeadLetterReason, ParseLimits } from './dead-letter';
import { DEFAULT_PARSE_LIMITS } from './dead-letter';
import { readAck, readJoin, readLocationEvent, readLog, readStatus, readTxAck } from './device-events';
import { readDeviceInfo } from './device-info';
import type { ChirpStackEvent } from './event-types';
import { isJsonObject, Rejection } from './fields';
import type { JsonObject } from './fields';
import type { EventTopic, TopicResult } from './topic';
import { parseTopic } from './topic';
import { readUplink } from './uplink';

export type ParseResult = { ok: true; event: ChirpStackEvent } | { ok: false; reason: DeadLetterReason };

function deadLetter(code: DeadLetterReason['code'], field: string, message: string): ParseResult {
  return { ok: false, reason: { code, field, message } };
}

function readEvent(root: JsonObject, topic: EventTopic, limits: ParseLimits): ChirpStackEvent {
  const deviceInfo = readDeviceInfo(root, topic);
  switch (topic.event) {
    case 'up':
      return readUplink(root, topic, deviceInfo, limits);
    case 'join':
      return readJoin(root, topic, deviceInfo);
    case 'status':
      return readStatus(root, topic, deviceInfo);
    case 'ack':
      return readAck(root, topic, deviceInfo);
    case 'txack':
      return readTxAck(root, topic, deviceInfo);
    case 'log':
      return readLog(root, topic, deviceInfo);
    case 'location':
      return readLocationEvent(root, topic, deviceInfo);
  }
}

/**
 * Turns one MQTT message of ChirpStack's JSON integration into a normalized event, or says why not. Pure and
 * synchronous; it never throws for any topic or payload (a thrown error would be a bug in this layer).
 * Checks, in order: topic, message size, UTF-8 and JSON, top-level object, deviceInfo against the topic, then
 * every field of the event type (types, ranges, base64, frame payload size). `parsedTopic`: `parseTopic(topic)` when
 * the caller has it already.
 */
export function parseEvent(topic: string, payload: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS, parsedTopic?: TopicResult): ParseResult {
  const t = parsedTopic ?? parseTopic(topic);
  if (!t.ok) return deadLetter(t.code, 'topic', t.message);
  if (payload.length > limits.maxMessageBytes) {
    return deadLetter('OVERSIZED', 'payload', `the message has ${payload.length} bytes, more than the limit of ${limits.maxMessageBytes}`);
  }
  if (!isUtf8(payload)) return deadLetter('MALFORMED_JSON', 'payload', 'the message is not UTF-8');
  let root: unknown;
  try {
    root = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    return deadLetter('MALFORMED_JSON', 'payload', error instanceof Error ? error.message.slice(0, 200) : 'not JSON');
  }
  if (!isJsonObject(root)) return deadLetter('NOT_AN_OBJECT', 'payload', 'the message must be a JSON object');
  try {
    return { ok: true, event: readEvent(root, t, limits) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.reason };
    throw error;
  }
}
