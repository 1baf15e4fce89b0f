import type { HistoryEntityType, HistoryPage } from '@contracts/history';
import { useInfiniteQuery } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { registryKeys } from './keys';
import { queryString } from './query-string';

export const HISTORY_PAGE_SIZE = 20;

/** The change history of one entity, newest first, one keyset page at a time ("Load older"). */
export function useEntityHistory(entityType: HistoryEntityType, entityId: string) {
  return useInfiniteQuery({
    queryKey: registryKeys.history(entityType, entityId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      authedRequest<HistoryPage>('GET', `/api/v1/history${queryString({ entityType, entityId, cursor: pageParam, limit: HISTORY_PAGE_SIZE })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
