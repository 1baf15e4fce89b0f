import { Plus, Upload } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Button } from '@/components/ui/button';
import { useCan } from '@/features/auth';
import { useMeters } from '../api/use-meters';
import { ExportButtons } from '../components/export-buttons';
import { ImportPanel } from '../components/import-panel';
import { PermissionGate } from '../components/permission-gate';
import { LoadError } from '@/components/query-states';
import { CreateMeterForm } from './create-meter-form';
import { MeterFilters } from './meter-filters';
import { MetersTable } from './meters-table';
import { Pager } from './pager';
import { useMeterListParams } from './use-meter-list-params';

/** `/meters`: search, filter and page through the tenant's meters (keyset paging, state in the URL). */
export function MetersPage() {
  return (
    <PermissionGate permission="devices:read" what="meters">
      <MetersList />
    </PermissionGate>
  );
}

function MetersList() {
  const { state, request, setFilter, next, back, first } = useMeterListParams();
  const meters = useMeters(request);
  const canWrite = useCan('devices:write');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const navigate = useNavigate();
  const filtered = Boolean(state.search || state.utility || state.status || state.nodeId);

  return (
    <>
      <PageHeader
        title="Meters"
        description="Water, gas, heat and electricity meters of your tenant: registration, installation, replacement and their change history."
        actions={
          <>
            <ExportButtons entity="meters" filters={{ search: request.search, utility: request.utility, status: request.status, nodeId: request.nodeId }} />
            {canWrite && !importing && (
              <Button variant="outline" onClick={() => setImporting(true)} data-testid="import-button">
                <Upload aria-hidden /> Import
              </Button>
            )}
            {canWrite && !creating && (
              <Button onClick={() => setCreating(true)} data-testid="new-meter-button">
                <Plus aria-hidden /> New meter
              </Button>
            )}
          </>
        }
      />
      <div className="space-y-4">
        {creating && <CreateMeterForm onCancel={() => setCreating(false)} onCreated={(meter) => navigate(`/meters/${meter.id}`)} />}
        {importing && <ImportPanel entity="meters" onClose={() => setImporting(false)} />}
        <MeterFilters state={state} onChange={setFilter} />
        {meters.isError && <LoadError error={meters.error} onRetry={() => void meters.refetch()} />}
        <MetersTable meters={meters.data?.items} loading={meters.isFetching} filtered={filtered} />
        <Pager
          page={state.previous.length + 1}
          shown={meters.data?.items.length ?? 0}
          limit={state.limit}
          hasNext={Boolean(meters.data?.nextCursor) && !meters.isPlaceholderData}
          busy={meters.isFetching}
          onFirst={first}
          onPrevious={back}
          onNext={() => meters.data?.nextCursor && next(meters.data.nextCursor)}
          onLimit={(limit) => setFilter({ limit })}
        />
      </div>
    </>
  );
}
