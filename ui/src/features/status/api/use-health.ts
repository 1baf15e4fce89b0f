import type { HealthReport } from '@contracts/health';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { statusKeys } from './keys';

export const HEALTH_PATH = '/api/v1/health';
export const STATUS_PAGE_REFRESH_MS = 5_000;

/** GET /api/v1/health. 503 means "something required is down" and carries the same report: it is data, not an error. */
export function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  return apiGet<HealthReport>(HEALTH_PATH, { signal, acceptStatuses: [503] });
}

export function useHealth({ refetchInterval = STATUS_PAGE_REFRESH_MS }: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: statusKeys.health(),
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval,
    staleTime: 0,
    // Polling already retries every few seconds; the page shows the failure itself.
    retry: false,
    meta: { errorToast: false },
  });
}
