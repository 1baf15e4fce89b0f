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
