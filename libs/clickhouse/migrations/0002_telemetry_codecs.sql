-- requires: clickhouse >= 20.3
-- Column codecs for servers that have them (18.16 has none; there this file is recorded as skipped and
-- applied by a later run once the server is upgraded). Metadata only: new parts use the codec.
-- The raw event JSON is most of the archive's bytes; ZSTD compresses such text better than the default LZ4.
ALTER TABLE uplinks MODIFY COLUMN raw String CODEC(ZSTD(3));

-- Meter registers change slowly between consecutive rows of one device: Gorilla suits them.
ALTER TABLE readings MODIFY COLUMN value Float64 CODEC(Gorilla, LZ4);
