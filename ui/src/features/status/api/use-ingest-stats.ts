import type { IngestStats } from '@contracts/ingest.contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiGet } from '@/lib/api-client';
import { statusKeys } from './keys';
import { rateHistory } from '../rate-history';

export const INGEST_STATS_PATH = '/api/v1/ingest/stats';
export const INGEST_STATS_REFRESH_MS = 2_000;

/** GET /api/v1/ingest/stats (public, like the health report). */
export function fetchIngestStats(signal?: AbortSignal): Promise<IngestStats> {
  return apiGet<IngestStats>(INGEST_STATS_PATH, { signal });
}

/**
 * The live ingest rates, polled every 2 s; every answer is also added to the page's rate history
 * (kept in the browser: `rateHistory`), so the history goes on across re-renders and page changes.
 */
export function useIngestStats({ refetchInterval = INGEST_STATS_REFRESH_MS }: { refetchInterval?: number } = {}) {
  const query = useQuery({
    queryKey: statusKeys.ingestStats(),
    queryFn: ({ signal }) => fetchIngestStats(signal),
    refetchInterval,
    staleTime: 0,
    // Polling retries every 2 s; the card shows the failure itself.
    retry: false,
    meta: { errorToast: false },
  });
  const { data, dataUpdatedAt } = query;
  useEffect(() => {
    if (data) rateHistory.add(dataUpdatedAt, data);
  }, [data, dataUpdatedAt]);
  return query;
}
