import { z } from 'zod';
import { coreVariables, clickhouseVariables, mqttVariables, loadConfigOrExit } from '@app/common';
import type { ParseLimits } from './events/dead-letter';

/** Environment of the ingest service, validated at boot. */
export const ingestConfigSchema = z.object({
  ...coreVariables,
  ...clickhouseVariables,
  ...mqttVariables,
  /** Largest ChirpStack event message parsed, in bytes; a larger one is a dead letter (OVERSIZED). */
  INGEST_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(64 * 1024),
  /** Largest decoded uplink frame payload (`data`), in bytes; LoRaWAN allows at most 242. */
  INGEST_MAX_FRAME_PAYLOAD_BYTES: z.coerce.number().int().min(1).max(65_535).default(255),
  /** Port of the Prometheus listener (GET /metrics); 0 = no listener. 9464 is the registered Prometheus exporter port. */
  INGEST_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /** The shared subscription's group: instances with the same group split the event stream between them. */
  INGEST_SHARE_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only').default('headend-ingest'),
  /** How long the broker keeps this instance's session (subscription and queued messages) while it is offline. */
  INGEST_MQTT_SESSION_EXPIRY_SECONDS: z.coerce.number().int().min(0).max(0xffff_ffff).default(7 * 24 * 3600),
  /** Directory of the write-ahead buffer (one per instance: two processes must never share one). Default .data/ingest-wal/<instance>. */
  INGEST_WAL_DIR: z.string().min(1).optional(),
  /** always: a message is acknowledged after fdatasync (group commit); none: after write(2) (survives a crash of the process, not of the machine). */
  INGEST_WAL_SYNC: z.enum(['always', 'none']).default('always'),
  /** Buffered bytes not yet in ClickHouse before acknowledgements stop (pushing back on the broker). */
  INGEST_WAL_CAPACITY_BYTES: z.coerce.number().int().min(1024 * 1024).default(1024 * 1024 * 1024),
  /**
   * A ClickHouse batch closes at this many messages ... (fewer, larger inserts cost ClickHouse less CPU per row:
   * docs/benchmarks.md "Ingest end to end")
   */
  INGEST_BATCH_MAX_RECORDS: z.coerce.number().int().min(1).max(100_000).default(25_000),
  /** ... or this many message bytes (bounds a batch's memory: two batches are held, one stored while the next is prepared) ... */
  INGEST_BATCH_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(512 * 1024 * 1024).default(32 * 1024 * 1024),
  /** ... or when its first message has waited this long (ms). */
  INGEST_BATCH_MAX_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** Address the metrics listener binds. */
  INGEST_METRICS_HOST: z.string().min(1).default('0.0.0.0'),
});
export type IngestConfig = z.infer<typeof ingestConfigSchema>;

/** The event parser's size limits from the configuration. */
export function parseLimitsFrom(config: Pick<IngestConfig, 'INGEST_MAX_MESSAGE_BYTES' | 'INGEST_MAX_FRAME_PAYLOAD_BYTES'>): ParseLimits {
  return { maxMessageBytes: config.INGEST_MAX_MESSAGE_BYTES, maxFramePayloadBytes: config.INGEST_MAX_FRAME_PAYLOAD_BYTES };
}

/** The only place the ingest service reads the process environment. */
export function loadIngestConfig(): IngestConfig {
  return loadConfigOrExit('ingest', ingestConfigSchema, process.env);
}
