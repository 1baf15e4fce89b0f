-- Ingest's own stores beside the telemetry: dead letters, uplinks of devices the registry does not know (yet)
-- and gateway last-seen. Runs on 18.16 and current releases (same rules as 0001).

-- Messages the pipeline could not use, with their reason and raw bytes (base64: a message need not be UTF-8).
-- `id` is a hash of topic and bytes, so a redelivery collapses onto the first; `tenant_id` is the nil UUID
-- unless the device was resolved (codec rejections). Rare by nature: listed with FINAL, newest first.
CREATE TABLE IF NOT EXISTS dead_letters
(
    tenant_id UUID,
    id String,
    received_at DateTime('UTC'),
    topic String,
    dev_eui String DEFAULT '',      -- from the topic when it has one
    event String DEFAULT '',
    code String,                    -- parser code (NOT_AN_EVENT_TOPIC, MALFORMED_JSON, ...) or CODEC_REJECTED
    field String DEFAULT '',        -- JSON path of the field at fault
    message String,
    raw_base64 String,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(received_at)
ORDER BY (tenant_id, id);

-- Events of devices that resolve to no live meter of exactly one tenant (unknown, archived, ambiguous), kept
-- raw. When the device is registered they are decoded and stored as usual, and a copy with assigned = 1 and a
-- higher version replaces each row here (read with FINAL ... WHERE assigned = 0).
CREATE TABLE IF NOT EXISTS unassigned_uplinks
(
    dev_eui String,
    application_id String,
    ts DateTime('UTC'),
    received_at DateTime('UTC'),
    event String,
    deduplication_id String,
    f_cnt UInt32 DEFAULT 0,
    f_port UInt8 DEFAULT 0,
    payload_hex String DEFAULT '',
    topic String,
    raw String,                     -- the event JSON exactly as received
    reason String,                  -- unknown, archived, ambiguous
    assigned UInt8 DEFAULT 0,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(ts)
ORDER BY (dev_eui, ts, event, deduplication_id);

-- The last time each gateway heard one of a tenant's devices (the newest `last_seen` survives merges; read
-- with FINAL or argMax).
CREATE TABLE IF NOT EXISTS gateway_last_seen
(
    tenant_id UUID,
    gateway_id String,              -- ChirpStack gateway id (EUI-64, lowercase hex)
    last_seen DateTime('UTC'),
    dev_eui String,                 -- the device heard then
    rssi Nullable(Int16),
    snr Nullable(Float32)
)
ENGINE = ReplacingMergeTree(last_seen)
ORDER BY (tenant_id, gateway_id);
