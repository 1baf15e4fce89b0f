-- Telemetry: canonical readings, the raw uplink archive and device link status.
-- Runs on ClickHouse 18.16 and on current releases: no LowCardinality, DateTime64, CODEC or TTL here
-- (improvements for newer servers go in files with a "-- requires: clickhouse >= X.Y" header).
-- Every table is ordered by (tenant, device, time) and partitioned by the month of `ts`.
-- ReplacingMergeTree collapses rows with equal sorting keys during merges, keeping the highest
-- `version`; read with FINAL (or argMax / LIMIT 1 BY) when duplicates must not show.
-- Table and column names are wire names: add columns in new migrations, never rename.
-- `tenant_id` is the platform's tenant; devices not in the registry are archived under the nil UUID.

-- One row per canonical measurement (libs/codecs `Measurement`). A repeated delivery or a re-decode
-- of the same uplink collapses on (tenant, device, ts, quantity, register, storage, tariff).
CREATE TABLE IF NOT EXISTS readings
(
    tenant_id UUID,
    device_id UUID,                 -- meter/device id in the system registry
    device_address String,          -- LoRaWAN DevEUI (lowercase hex) or wireless M-Bus address
    ts DateTime('UTC'),             -- measurement time (Measurement.at, else the uplink time)
    received_at DateTime('UTC'),    -- when ingest received the carrying message
    quantity String,                -- volume, energy, power, flow_temperature, ...
    value Float64,
    unit String,                    -- normalised unit: m3, kWh, W, m3/h, degC, V, A, count
    storage UInt32 DEFAULT 0,       -- 0 = current value; > 0 = history / due-date slot
    tariff UInt16 DEFAULT 0,        -- 0 = total
    register String DEFAULT '',     -- e.g. OBIS "1.8.0", "reverse", a channel
    codec String,                   -- codec id, e.g. "axioma/qalcosonic-w1"
    source String,                  -- lorawan, wmbus, import, manual
    deduplication_id String DEFAULT '', -- the uplink that carried it ('' for imports)
    version UInt64                  -- the highest version of a duplicate survives
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant_id, device_id, ts, quantity, register, storage, tariff);

-- Every ChirpStack event as received (up, join, status, ack, txack, log, location), decoded or not.
-- A redelivered MQTT message collapses on (event, deduplication_id) within its device and time.
CREATE TABLE IF NOT EXISTS uplinks
(
    tenant_id UUID,
    dev_eui String,                 -- lowercase hex, as in the MQTT topic
    ts DateTime('UTC'),             -- event time (ChirpStack `time`, else the receive time)
    received_at DateTime('UTC'),
    event String,                   -- up, join, status, ack, txack, log, location
    deduplication_id String,        -- ChirpStack deduplicationId; for events without one
                                    -- (txack, ack, log) a stable id derived by ingest
    f_cnt UInt32 DEFAULT 0,
    f_port UInt8 DEFAULT 0,
    payload_hex String DEFAULT '',  -- frame payload (ChirpStack `data`) as lowercase hex
    raw String,                     -- the event JSON exactly as received
    decode_status String,           -- ok, failed, no_codec, unknown_device, not_applicable
    decode_error String DEFAULT '',
    codec String DEFAULT '',
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant_id, dev_eui, ts, event, deduplication_id);

-- Link and battery status per received uplink; the last seen status of a device is the row with the
-- highest ts (argMax(..., ts) or ORDER BY ts DESC LIMIT 1 BY device_id).
CREATE TABLE IF NOT EXISTS device_status
(
    tenant_id UUID,
    device_id UUID,
    dev_eui String,
    ts DateTime('UTC'),             -- when the device was heard
    received_at DateTime('UTC'),
    f_cnt UInt32 DEFAULT 0,
    rssi Nullable(Int16),           -- dBm at the best gateway
    snr Nullable(Float32),          -- dB at the best gateway
    gateway_count UInt16 DEFAULT 0,
    gateway_ids Array(String),      -- gateways that heard the uplink, best first
    frequency UInt32 DEFAULT 0,     -- Hz
    dr UInt8 DEFAULT 0,             -- LoRaWAN data rate
    battery_percent Nullable(Float32),
    battery_voltage Nullable(Float32),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant_id, device_id, ts);
