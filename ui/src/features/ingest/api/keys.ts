import type { DeadLetterCountsRequest, ListDeadLettersRequest, ListUnassignedRequest } from '@contracts/ingest.contract';

/** The one query-key factory of the data-quality feature. */
export const ingestKeys = {
  all: ['ingest'] as const,
  deadLetters: (query: ListDeadLettersRequest) => [...ingestKeys.all, 'dead-letters', query] as const,
  deadLetterCounts: (query: DeadLetterCountsRequest) => [...ingestKeys.all, 'dead-letter-counts', query] as const,
  unassigned: (query: ListUnassignedRequest) => [...ingestKeys.all, 'unassigned', query] as const,
};

/** `?a=1&b=x` from the defined, non-empty values (empty string when none). */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
