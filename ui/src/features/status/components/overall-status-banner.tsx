import type { HealthReport } from '@contracts/health';
import { CircleX, LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cva } from 'class-variance-authority';
import { cn } from '@/lib/utils';
import { countByStatus, formatAge, formatClock } from '../format';
import { OVERALL_STATUS } from './status-badge';

const bannerVariants = cva('flex gap-3 rounded-lg border px-5 py-4', {
  variants: {
    tone: {
      success: 'border-success/30 bg-success-soft text-success-foreground',
      warning: 'border-warning/40 bg-warning-soft text-warning-foreground',
      danger: 'border-danger/30 bg-danger-soft text-danger-foreground',
      neutral: 'border-border bg-card text-foreground',
    },
  },
});

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function summary(report: HealthReport): string {
  const services = Object.values(report.services);
  const stores = Object.values(report.stores);
  const svc = countByStatus(services);
  const st = countByStatus(stores);
  const parts = [
    `${svc.up} of ${services.length} services up`,
    `${st.up} of ${stores.length - st.disabled} stores up`,
  ];
  if (st.disabled > 0) parts.push(`${st.disabled} disabled`);
  return parts.join(' · ');
}

export function OverallStatusBanner({ report, staleError }: { report: HealthReport; staleError?: string }) {
  const now = useNow(1000);
  const presentation = OVERALL_STATUS[report.status] ?? OVERALL_STATUS.down;
  const Icon = presentation.icon;
  return (
    <section
      aria-label="Overall platform status"
      data-testid="overall-status"
      data-status={report.status}
      className={cn(bannerVariants({ tone: presentation.variant }), 'items-start sm:items-center')}
    >
      <Icon aria-hidden className="mt-0.5 size-6 shrink-0 sm:mt-0 sm:size-7" />
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-base font-semibold" role="status">
            {presentation.headline}
          </p>
          <p className="text-sm opacity-85">{summary(report)}</p>
          {staleError && (
            <p className="mt-1 text-sm font-medium text-danger-foreground" role="alert" data-testid="refresh-error">
              Last refresh failed ({staleError}); showing the previous report.
            </p>
          )}
        </div>
        <p className="shrink-0 text-xs opacity-85 sm:text-right" data-testid="checked-at">
          Checked at <time dateTime={report.checkedAt}>{formatClock(report.checkedAt)}</time>
          <span className="sm:block">
            <span className="sm:hidden"> · </span>
            {formatAge(report.checkedAt, now)}
          </span>
        </p>
      </div>
    </section>
  );
}

export function OverallStatusUnavailable({ message }: { message: string }) {
  return (
    <section
      aria-label="Overall platform status"
      data-testid="overall-status"
      data-status="unreachable"
      role="alert"
      className={cn(bannerVariants({ tone: 'danger' }), 'items-center')}
    >
      <CircleX aria-hidden className="size-7 shrink-0" />
      <div>
        <p className="text-base font-semibold">Health report unavailable</p>
        <p className="text-sm opacity-85">{message}. Retrying every 5 seconds.</p>
      </div>
    </section>
  );
}

export function OverallStatusLoading() {
  return (
    <section
      aria-label="Overall platform status"
      aria-busy="true"
      data-testid="overall-status"
      data-status="loading"
      className={cn(bannerVariants({ tone: 'neutral' }), 'items-center')}
    >
      <LoaderCircle aria-hidden className="size-6 shrink-0 animate-spin text-muted-foreground" />
      <p className="text-sm text-muted-foreground">Checking services and stores…</p>
    </section>
  );
}
