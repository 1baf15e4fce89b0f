/**
 * Names of the ingest service's Prometheus metrics (docs/deployment.md "Metrics"). Public names: dashboards and
 * alerts use them, so add and deprecate, never rename.
 */
export const INGEST_METRIC_PREFIX = 'headend_ingest_';

export const IngestMetricNames = {
  messagesReceived: 'headend_ingest_messages_received_total',
  eventsDecoded: 'headend_ingest_events_decoded_total',
  eventsStored: 'headend_ingest_events_stored_total',
  decodeFailures: 'headend_ingest_decode_failures_total',
  deadLetters: 'headend_ingest_dead_letters_total',
  batchSize: 'headend_ingest_batch_size',
  insertDuration: 'headend_ingest_insert_duration_seconds',
  ackLag: 'headend_ingest_ack_lag_seconds',
  walBufferedBytes: 'headend_ingest_wal_buffered_bytes',
  walBufferedRecords: 'headend_ingest_wal_buffered_records',
  walOldestAge: 'headend_ingest_wal_oldest_age_seconds',
  walSegments: 'headend_ingest_wal_segments',
  deviceCacheHits: 'headend_ingest_device_cache_hits_total',
  deviceCacheMisses: 'headend_ingest_device_cache_misses_total',
} as const;

/** Records per ClickHouse insert batch (the write-ahead buffer closes a batch at 1000 records by default). */
export const BATCH_SIZE_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
/** Seconds per ClickHouse insert. */
export const INSERT_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds from an MQTT message's arrival to its PUBACK (one fsync'd append to the write-ahead buffer). */
export const ACK_LAG_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
