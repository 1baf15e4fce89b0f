import { EVENT_NAMES } from './event-types';
import type { EventName } from './event-types';

/** A ChirpStack event topic, split: `application/{applicationId}/device/{devEui}/event/{event}` (chirpstack.md 1.1). */
export interface EventTopic {
  /** Application UUID, lowercase. */
  applicationId: string;
  /** 16 hex digits, lowercase. */
  devEui: string;
  event: EventName;
}

export interface TopicRejection {
  code: 'NOT_AN_EVENT_TOPIC' | 'UNKNOWN_EVENT';
  message: string;
}

export type TopicResult = ({ ok: true } & EventTopic) | ({ ok: false } & TopicRejection);

const EVENT_TOPIC = /^application\/([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\/device\/([0-9A-Fa-f]{16})\/event\/([^/]+)$/;
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * Splits an event topic. MQTT topics are case-sensitive, so the fixed words must match exactly; the ids are
 * lowercased (ChirpStack publishes them lowercase). Gateway topics and command topics are NOT_AN_EVENT_TOPIC;
 * the removed `integration` event (v4.15.0) and any other `{event}` are UNKNOWN_EVENT.
 */
export function parseTopic(topic: string): TopicResult {
  const match = EVENT_TOPIC.exec(topic);
  if (!match) {
    return { ok: false, code: 'NOT_AN_EVENT_TOPIC', message: 'expected application/{application UUID}/device/{16 hex digit DevEUI}/event/{event}' };
  }
  const event = match[3];
  if (!EVENTS.has(event)) {
    return { ok: false, code: 'UNKNOWN_EVENT', message: `unknown event "${event.slice(0, 40)}" (expected one of ${EVENT_NAMES.join(', ')})` };
  }
  return { ok: true, applicationId: match[1].toLowerCase(), devEui: match[2].toLowerCase(), event: event as EventName };
}
