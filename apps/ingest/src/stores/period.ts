import { isDateTimeInRange } from '@app/clickhouse';
import { DomainError } from '@app/contracts';

export interface Period {
  from?: Date;
  to?: Date;
}

/**
 * `from` (inclusive) and `to` (exclusive), already ISO-8601 (the DTO checked), as dates a ClickHouse
 * `DateTime` can hold (1970..2106; whole seconds, so a fraction is dropped); `to` before `from` is refused.
 */
export function periodOf(from: string | undefined, to: string | undefined): Period {
  const period: Period = {};
  for (const [field, text] of [['from', from], ['to', to]] as const) {
    if (text === undefined) continue;
    const date = new Date(text);
    if (!isDateTimeInRange(date)) {
      throw new DomainError('VALIDATION_FAILED', `Invalid request: ${field}`, [{ field, message: `${field} must be between 1970 and 2106` }]);
    }
    period[field] = date;
  }
  if (period.from && period.to && period.to < period.from) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid request: to', [{ field: 'to', message: 'to must not be before from' }]);
  }
  return period;
}
