import { ChevronLeft, ChevronRight } from 'lucide-react';
import { PageHeader } from '@/app/page-header';
import { Button } from '@/components/ui/button';
import { useSession } from '@/features/auth';
import { PAGE_SIZE, useDataQualityParams } from '../api/use-data-quality-params';
import { useDeadLetterCounts, useDeadLetters } from '../api/use-ingest-stores';
import { DeadLetterCountsCard } from './dead-letter-counts';
import { DeadLetterFilters } from './dead-letter-filters';
import { DeadLettersTable } from './dead-letters-table';
import { LoadError } from '@/components/query-states';
import { UnassignedSection } from './unassigned-section';

/**
 * `/data-quality`: what the ingest pipeline could not use. Dead letters for a platform administrator
 * (platform:diagnostics: every tenant's and nobody's) or a tenant user with devices:read (its own tenant's);
 * unassigned devices for platform administrators only. The gateway scopes the answers; this only hides what a
 * role cannot ask for.
 */
export function DataQualityPage() {
  const session = useSession();
  const held = session.status === 'signed-in' ? session.me.permissions : [];
  const platform = held.includes('platform:diagnostics');
  const tenantUser = held.includes('devices:read');
  return (
    <>
      <PageHeader
        title="Data quality"
        description={
          platform
            ? 'Messages the ingest pipeline could not use, of every tenant and of nobody, and uplinks of devices nobody registered.'
            : 'Messages from your devices the ingest pipeline could not use (their codec refused the payload).'
        }
      />
      {platform || tenantUser ? (
        <div className="space-y-6">
          <DeadLetters showTenant={platform} />
          {platform && <UnassignedFromUrl />}
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-border px-6 py-14 text-center text-sm text-muted-foreground" data-testid="forbidden">
          Your role does not include data quality (it needs platform diagnostics or device read access).
        </p>
      )}
    </>
  );
}

function DeadLetters({ showTenant }: { showTenant: boolean }) {
  const { state, from, setFilter, next, back } = useDataQualityParams();
  const counts = useDeadLetterCounts({ from });
  const list = useDeadLetters({ from, code: state.code || undefined, devEui: state.devEui || undefined, limit: PAGE_SIZE, cursor: state.cursor || undefined });
  const page = state.previous.length + 1;
  const shown = list.data?.items.length ?? 0;
  const hasNext = Boolean(list.data?.nextCursor) && !list.isPlaceholderData;
  return (
    <section className="space-y-4" aria-label="Dead letters">
      {counts.isError && <LoadError error={counts.error} onRetry={() => void counts.refetch()} />}
      <DeadLetterCountsCard counts={counts.data} selected={state.code} onSelect={(code) => setFilter({ code })} />
      <DeadLetterFilters state={state} codes={Object.keys(counts.data?.byCode ?? {})} onChange={setFilter} />
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <DeadLettersTable items={list.data?.items} loading={list.isFetching} showTenant={showTenant} />
      <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
        <p className="text-xs text-muted-foreground" data-testid="dead-letters-page-info">
          Page {page} · {shown} dead letter{shown === 1 ? '' : 's'} shown{hasNext ? ', more on the next page' : ''}
        </p>
        <div className="flex gap-1">
          <Button variant="outline" size="sm" disabled={page === 1 || list.isFetching} onClick={back} data-testid="dead-letters-previous">
            <ChevronLeft aria-hidden /> Previous
          </Button>
          <Button variant="outline" size="sm" disabled={!hasNext || list.isFetching} onClick={() => list.data?.nextCursor && next(list.data.nextCursor)} data-testid="dead-letters-next">
            Next <ChevronRight aria-hidden />
          </Button>
        </div>
      </nav>
    </section>
  );
}

function UnassignedFromUrl() {
  const { state, selectDevice } = useDataQualityParams();
  return <UnassignedSection device={state.device} onSelectDevice={selectDevice} />;
}
