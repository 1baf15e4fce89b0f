import type { ListLoginEventsRequest, LoginEventView } from '@contracts/identity';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { adminKeys } from './keys';

export function useLoginEvents(query: ListLoginEventsRequest) {
  const params = new URLSearchParams();
  if (query.outcome) params.set('outcome', query.outcome);
  if (query.before) params.set('before', query.before);
  if (query.limit) params.set('limit', String(query.limit));
  const text = params.toString();
  return useQuery({
    queryKey: adminKeys.loginEvents(query),
    queryFn: ({ signal }) => authedRequest<LoginEventView[]>('GET', `/api/v1/login-events${text ? `?${text}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
