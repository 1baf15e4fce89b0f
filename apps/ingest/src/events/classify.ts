import type { CommandOutcome } from '@app/contracts';
import type { ChirpStackEvent } from './event-types';

export type { CommandOutcome };

/**
 * What the ingest pipeline needs to know about an event beyond its fields (chirpstack.md section 5, pitfall 1;
 * architecture "Downlink"): a key that is equal for redeliveries of the same event, and what it says about a
 * downlink command (the queue item id is our command id).
 */

/**
 * Equal for two deliveries of the same ChirpStack event (QoS 1 redelivery, a second subscriber), different
 * otherwise: up/join/status/location by deduplicationId; ack by queue item (one ack or timeout per item); txack by
 * queue item and downlinkId; log by code and the uplink (context.deduplication_id) or queue item it is about,
 * else by its time and text.
 */
export function dedupeKey(e: ChirpStackEvent): string {
  switch (e.event) {
    case 'up':
    case 'join':
    case 'status':
    case 'location':
      return `${e.event}:${e.deduplicationId}`;
    case 'ack':
      return `ack:${e.queueItemId}`;
    case 'txack':
      return `txack:${e.queueItemId}:${e.downlinkId}`;
    case 'log':
      if (e.deduplicationId) return `log:${e.code}:${e.deduplicationId}`;
      if (e.queueItemId) return `log:${e.code}:q:${e.queueItemId}`;
      return `log:${e.code}:t:${e.time?.text ?? ''}:${e.description}`;
  }
}


/** A downlink command's new state, from the event that reports it. */
export interface CommandUpdate {
  queueItemId: string;
  outcome: CommandOutcome;
  /** Why it failed or expired (the log code and description, or "not acknowledged"). */
  reason?: string;
}

/**
 * The command state an event reports, if any: txack = sent (the gateway accepted it, not proof of
 * transmission); ack = acknowledged, or failed when the confirmed downlink timed out; a log event with a
 * queue_item_id = expired (EXPIRED) or failed (ERROR level, e.g. DOWNLINK_PAYLOAD_SIZE: the item was deleted).
 * Warnings and info logs about a queue item, and every other event, change nothing.
 */
export function commandUpdate(e: ChirpStackEvent): CommandUpdate | undefined {
  switch (e.event) {
    case 'txack':
      return { queueItemId: e.queueItemId, outcome: 'sent' };
    case 'ack':
      return e.acknowledged
        ? { queueItemId: e.queueItemId, outcome: 'acknowledged' }
        : { queueItemId: e.queueItemId, outcome: 'failed', reason: 'not acknowledged by the device' };
    case 'log':
      if (!e.queueItemId) return undefined;
      if (e.code === 'EXPIRED') return { queueItemId: e.queueItemId, outcome: 'expired', reason: `${e.code}: ${e.description}` };
      if (e.level === 'ERROR') return { queueItemId: e.queueItemId, outcome: 'failed', reason: `${e.code}: ${e.description}` };
      return undefined;
    case 'up':
    case 'join':
    case 'status':
    case 'location':
      return undefined;
  }
}
