import { STORE_NAMES, type HealthReport } from '@contracts/health';
import { RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { PageHeader } from '@/app/page-header';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { cn } from '@/lib/utils';
import { useHealth } from './api/use-health';
import { useIngestStats } from './api/use-ingest-stats';
import { CardSkeleton } from './components/card-skeleton';
import { IngestCard } from './components/ingest-card';
import {
  OverallStatusBanner,
  OverallStatusLoading,
  OverallStatusUnavailable,
} from './components/overall-status-banner';
import { ServiceCard } from './components/service-card';
import { StoreCard } from './components/store-card';
import { orderedServiceNames, SERVICE_ORDER } from './format';

export { HealthIndicator } from './components/health-indicator';

function errorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return error.message;
    const prefix = `HTTP ${error.status}`;
    return error.message.startsWith(String(error.status)) ? `HTTP ${error.message}` : `${prefix}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `/status`: GET /api/v1/health every 5 s; an overall banner, one card per service and per store; the live ingest rates (every 2 s). */
export function StatusPage() {
  const { data: report, error, isFetching, refetch, isPending } = useHealth();

  return (
    <>
      <PageHeader
        title="System status"
        description="Health of the platform's services and data stores, as seen by the gateway. Refreshes every 5 seconds."
        actions={
          <Button variant="outline" size="sm" onClick={() => void refetch()} disabled={isFetching}>
            <RefreshCw aria-hidden className={cn(isFetching && 'animate-spin')} />
            Refresh now
          </Button>
        }
      />
      <div className="space-y-8">
        {report ? (
          <OverallStatusBanner report={report} staleError={error ? errorText(error) : undefined} />
        ) : error ? (
          <OverallStatusUnavailable message={errorText(error)} />
        ) : (
          <OverallStatusLoading />
        )}
        {report && <HealthCards report={report} />}
        {!report && isPending && <LoadingCards />}
        <IngestSection />
      </div>
    </>
  );
}

function HealthCards({ report }: { report: HealthReport }) {
  return (
    <>
      <CardGrid id="services" title="Services">
        {orderedServiceNames(report.services).map((name) => (
          <ServiceCard key={name} name={name} entry={report.services[name]!} />
        ))}
      </CardGrid>
      <CardGrid id="stores" title="Data stores">
        {STORE_NAMES.filter((name) => report.stores[name]).map((name) => (
          <StoreCard key={name} name={name} entry={report.stores[name]} />
        ))}
      </CardGrid>
    </>
  );
}

/** The live ingest rates: polled on their own (every 2 s), shown whatever the health report says. */
function IngestSection() {
  const { data, error, dataUpdatedAt, errorUpdatedAt } = useIngestStats();
  return (
    <section aria-labelledby="ingest-heading">
      <h2 id="ingest-heading" className="mb-3 text-sm font-semibold text-muted-foreground">
        Live traffic
      </h2>
      <IngestCard stats={data} error={error ? errorText(error) : undefined} now={Math.max(dataUpdatedAt, errorUpdatedAt)} />
    </section>
  );
}

function LoadingCards() {
  return (
    <>
      <CardGrid id="services" title="Services">
        {SERVICE_ORDER.map((name) => (
          <CardSkeleton key={name} />
        ))}
      </CardGrid>
      <CardGrid id="stores" title="Data stores">
        {STORE_NAMES.map((name) => (
          <CardSkeleton key={name} />
        ))}
      </CardGrid>
    </>
  );
}

function CardGrid({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-sm font-semibold text-muted-foreground">
        {title}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">{children}</div>
    </section>
  );
}
