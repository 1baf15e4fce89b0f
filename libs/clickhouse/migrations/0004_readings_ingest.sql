-- The ingest path into `readings`: one row per carrying uplink, its measurements as parallel arrays. A
-- materialized view expands each row into one `readings` row per measurement (ARRAY JOIN) inside the same
-- INSERT; the Null table keeps nothing. An uplink carries about eight readings that share tenant, device,
-- address, receive time, codec, source, deduplication id and version: sent once instead of eight times, the
-- insert is about a quarter of the bytes for ingest to build and for ClickHouse to parse
-- (docs/benchmarks.md "Ingest end to end"). Runs on 18.16 and current releases (same rules as 0001).
-- The arrays of one row have equal lengths (ClickHouse refuses the insert otherwise).
CREATE TABLE IF NOT EXISTS readings_ingest
(
    tenant_id UUID,
    device_id UUID,
    device_address String,
    received_at DateTime('UTC'),
    codec String,
    source String,
    deduplication_id String,
    version UInt64,
    m_ts Array(DateTime('UTC')),
    m_quantity Array(String),
    m_value Array(Float64),
    m_unit Array(String),
    m_storage Array(UInt32),
    m_tariff Array(UInt16),
    m_register Array(String)
)
ENGINE = Null;

CREATE MATERIALIZED VIEW IF NOT EXISTS readings_ingest_mv TO readings AS
SELECT tenant_id, device_id, device_address, ts, received_at, quantity, value, unit, storage, tariff, register,
       codec, source, deduplication_id, version
FROM readings_ingest
ARRAY JOIN m_ts AS ts, m_quantity AS quantity, m_value AS value, m_unit AS unit, m_storage AS storage,
           m_tariff AS tariff, m_register AS register;
