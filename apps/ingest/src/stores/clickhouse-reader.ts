import type { ClickHouseStore } from '@app/clickhouse';

/** What the readers use of the store: SELECTs only (so the tests run them on the 18.16 server and on chdb alike). */
export type ClickHouseReader = Pick<ClickHouseStore, 'query'>;
