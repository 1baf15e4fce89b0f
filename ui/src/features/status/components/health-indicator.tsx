import { Link } from 'react-router-dom';
import { cn } from '@/lib/utils';
import { useHealth } from '../api/use-health';

const INDICATOR_REFRESH_MS = 30_000;

const DOT = {
  ok: 'bg-success',
  degraded: 'bg-warning',
  down: 'bg-danger',
  unknown: 'bg-neutral',
} as const;

const LABEL = { ok: 'Operational', degraded: 'Degraded', down: 'Outage', unknown: 'Status unknown' } as const;

/** Compact platform status in the top bar; links to the System status page. */
export function HealthIndicator() {
  const { data, isError } = useHealth({ refetchInterval: INDICATOR_REFRESH_MS });
  const state = isError || !data ? 'unknown' : (data.status in DOT ? data.status : 'unknown');
  return (
    <Link
      to="/status"
      data-testid="health-indicator"
      data-status={state}
      aria-label={`Platform status: ${LABEL[state]}. Open System status`}
      className="flex items-center gap-2 rounded-full border border-border bg-card px-2.5 py-1 text-xs font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
    >
      <span className={cn('size-2 rounded-full', DOT[state])} aria-hidden />
      <span className="hidden sm:inline">{LABEL[state]}</span>
    </Link>
  );
}
