import type {
  DeadLetterCounts,
  DeadLetterCountsRequest,
  DeadLetterPage,
  ListDeadLettersRequest,
  ListUnassignedRequest,
  UnassignedPage,
} from '@contracts/ingest.contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { ingestKeys, queryString } from './keys';

/** The gateway scopes these to the caller (its tenant, or everyone for a platform administrator): no tenantId here. */
type Unscoped<T> = Omit<T, 'tenantId'>;

export function useDeadLetters(query: Unscoped<ListDeadLettersRequest>) {
  return useQuery({
    queryKey: ingestKeys.deadLetters(query),
    queryFn: ({ signal }) => authedRequest<DeadLetterPage>('GET', `/api/v1/ingest/dead-letters${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDeadLetterCounts(query: Unscoped<DeadLetterCountsRequest>) {
  return useQuery({
    queryKey: ingestKeys.deadLetterCounts(query),
    queryFn: ({ signal }) => authedRequest<DeadLetterCounts>('GET', `/api/v1/ingest/dead-letters/counts${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUnassigned(query: ListUnassignedRequest, enabled: boolean) {
  return useQuery({
    queryKey: ingestKeys.unassigned(query),
    queryFn: ({ signal }) => authedRequest<UnassignedPage>('GET', `/api/v1/ingest/unassigned${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
