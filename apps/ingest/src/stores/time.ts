import { parseDateTimeUtc } from '@app/clickhouse';

/** A `DateTime('UTC')` as ClickHouse returns it (`YYYY-MM-DD hh:mm:ss`) -> ISO-8601. */
export function clickHouseTimeToIso(text: string): string {
  return parseDateTimeUtc(text).toISOString();
}
