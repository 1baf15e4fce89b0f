/**
 * Ingest service contract. Pattern names are public wire API: `ingest.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { HealthRpc, Rpc } from './contract';
import type { CommandOutcome } from './commands';

export const IngestPatterns = {
  health: 'ingest.health.check',
  /** Live rates of every running ingest instance (any instance answers from Redis). */
  stats: 'ingest.stats.get',
  deadLettersList: 'ingest.dead-letters.list',
  deadLettersCounts: 'ingest.dead-letters.counts',
  unassignedList: 'ingest.unassigned.list',
  /** Re-decode a device's archived uplinks of a period with the current codec and registry. */
  reprocess: 'ingest.uplinks.reprocess',
} as const;

// ---- live statistics -------------------------------------------------------------------------------------

/** One ingest instance's rates over its last few seconds, published to Redis about once a second. */
export interface IngestInstanceStats {
  instanceId: string;
  /** When the instance published this (ISO-8601). */
  at: string;
  /** MQTT messages received / events stored in ClickHouse / dead-lettered, per second. */
  receivedPerSecond: number;
  storedPerSecond: number;
  deadLetteredPerSecond: number;
  /** Totals since the instance started. */
  receivedTotal: number;
  storedTotal: number;
  deadLetteredTotal: number;
  /** The write-ahead buffer: healthy or degraded (reasons), records and age of the oldest not yet in ClickHouse. */
  bufferStatus: 'healthy' | 'degraded';
  bufferReasons: string[];
  bufferedRecords: number;
  oldestBufferedAgeMs: number;
}

export interface IngestStats {
  /** Instances heard from in the last 10 s. */
  instances: IngestInstanceStats[];
  /** Sums over `instances`. */
  receivedPerSecond: number;
  storedPerSecond: number;
  deadLetteredPerSecond: number;
}

// ---- dead letters --------------------------------------------------------------------------------------

/**
 * A message the pipeline could not use, kept with its reason and raw bytes. `code` is a parser code
 * (apps/ingest/src/events/dead-letter.ts: NOT_AN_EVENT_TOPIC, MALFORMED_JSON, ...) or `CODEC_REJECTED`
 * (the device's codec refused the payload; the uplink is archived too, with decode_status `failed`).
 */
export interface DeadLetter {
  /** Stable id of the message (hash of topic and bytes): a redelivery has the same id. */
  id: string;
  receivedAt: string;
  topic: string;
  /** From the topic, when it has one. */
  devEui: string | null;
  event: string | null;
  /** The tenant of the device when it was resolved (codec rejections); null for messages nobody owns. */
  tenantId: string | null;
  code: string;
  /** JSON path of the field at fault (`topic`, `payload` for the whole message, `data` ...). */
  field: string;
  message: string;
  /** The message as UTF-8 text when it is valid UTF-8 (else null) and as base64. */
  raw: string | null;
  rawBase64: string;
}

export interface ListDeadLettersRequest {
  /** Set by the gateway from the caller: a tenant user sees only its tenant's; a platform admin omits it (all). */
  tenantId?: string;
  from?: string;
  to?: string;
  code?: string;
  devEui?: string;
  /** 1..500, default 100. */
  limit?: number;
  /** Opaque, from the previous page. Newest first. */
  cursor?: string;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  nextCursor: string | null;
}

export interface DeadLetterCountsRequest {
  tenantId?: string;
  from?: string;
  to?: string;
}

export interface DeadLetterCounts {
  total: number;
  byCode: Record<string, number>;
}

// ---- unassigned uplinks -------------------------------------------------------------------------------

/** An uplink from a device the registry does not know (yet): kept raw, decoded once the device is registered. */
export interface UnassignedUplink {
  devEui: string;
  /** ChirpStack's application id (from the topic). */
  applicationId: string;
  time: string;
  receivedAt: string;
  deduplicationId: string;
  fCnt: number;
  fPort: number;
  payloadHex: string;
  /** Why it is unassigned: unknown (no meter), archived (only archived meters), ambiguous (several tenants). */
  reason: 'unknown' | 'archived' | 'ambiguous';
}

export interface ListUnassignedRequest {
  devEui?: string;
  /** 1..500, default 100. */
  limit?: number;
  cursor?: string;
}

export interface UnassignedPage {
  items: UnassignedUplink[];
  /** Distinct devices with unassigned uplinks, with their count and last time heard (newest first, at most 1000). */
  devices: Array<{ devEui: string; uplinks: number; lastSeen: string }>;
  nextCursor: string | null;
}

// ---- reprocess -----------------------------------------------------------------------------------------

export interface ReprocessRequest {
  tenantId: string;
  meterId: string;
  /** ISO-8601, inclusive / exclusive; at most 400 days apart. */
  from: string;
  to: string;
}

export interface ReprocessResult {
  /** Archived uplinks read and decoded again. */
  uplinks: number;
  decoded: number;
  failed: number;
  /** Readings written (replacing the earlier decode of the same uplinks). */
  readings: number;
}

export type IngestContract = {
  'ingest.health.check': HealthRpc;
  'ingest.stats.get': Rpc<Record<string, never>, IngestStats>;
  'ingest.dead-letters.list': Rpc<ListDeadLettersRequest, DeadLetterPage>;
  'ingest.dead-letters.counts': Rpc<DeadLetterCountsRequest, DeadLetterCounts>;
  'ingest.unassigned.list': Rpc<ListUnassignedRequest, UnassignedPage>;
  'ingest.uplinks.reprocess': Rpc<ReprocessRequest, ReprocessResult>;
};

// ---- streams and keys shared with other services --------------------------------------------------------

/**
 * Redis stream ingest appends a downlink command's outcome to, after the event is stored in ClickHouse
 * (XADD, field `event` = JSON of `CommandOutcomeEvent`). Metering reads it with the consumer group
 * `metering` (XREADGROUP + XACK), so each outcome is applied by one metering instance. At-least-once:
 * the same outcome may appear twice (redelivery, replay); the command state machine ignores repeats.
 */
export const COMMAND_OUTCOME_STREAM = 'ingest.command.outcome';

export interface CommandOutcomeEvent {
  /** ChirpStack's queue item id: our command id. */
  commandId: string;
  devEui: string;
  applicationId: string;
  outcome: CommandOutcome;
  reason?: string;
  /** Event time (ISO-8601). */
  at: string;
}

/**
 * Redis key (string, value = ChirpStack application id) ingest sets for each device it hears:
 * where metering publishes the device's `command/down`. Kept 30 days.
 */
export const deviceApplicationKey = (devEui: string): string => `ingest:device-application:${devEui.toLowerCase()}`;

/** Redis hash of the live `IngestInstanceStats`, field = instance id, value = JSON. */
export const INGEST_STATS_KEY = 'ingest:stats';
