import { CONSUMER_KINDS, CONSUMER_STATUSES } from '@contracts/consumers';
import type { ConsumerKind, ConsumerStatus } from '@contracts/consumers';
import { Upload, UserPlus, X } from 'lucide-react';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { useConsumers } from '../api/use-consumers';
import { DebouncedSearch } from '../components/debounced-search';
import { ExportButtons } from '../components/export-buttons';
import { ImportPanel } from '../components/import-panel';
import { PermissionGate } from '../components/permission-gate';
import { LoadError, TableMessage } from '@/components/query-states';
import { CONSUMER_KIND_LABELS, formatDate } from '../format';
import { Pager } from '../meters/pager';
import { CreateConsumerForm } from './create-consumer-form';
import { useConsumerListParams } from './use-consumer-list-params';

const COLUMNS = 6;

/** `/consumers`: households and businesses supplied, by account number or name prefix; state in the URL. */
export function ConsumersPage() {
  return (
    <PermissionGate permission="consumers:read" what="consumers">
      <ConsumersList />
    </PermissionGate>
  );
}

function ConsumersList() {
  const { state, request, setFilter, next, back, first } = useConsumerListParams();
  const consumers = useConsumers(request);
  const canWrite = useCan('consumers:write');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<'consumers' | 'service-points'>();
  const navigate = useNavigate();
  const onSearch = useCallback((search: string, replace?: boolean) => setFilter({ search }, replace), [setFilter]);
  const filtered = Boolean(state.search || state.kind || state.status);
  const items = consumers.data?.items;

  return (
    <>
      <PageHeader
        title="Consumers"
        description="Households and businesses your utility supplies, their service points and the meters serving them."
        actions={
          canWrite && (
            <>
              <Button variant="outline" onClick={() => setImporting('consumers')} aria-pressed={importing === 'consumers'} data-testid="import-button">
                <Upload aria-hidden /> Import consumers
              </Button>
              <Button variant="outline" onClick={() => setImporting('service-points')} aria-pressed={importing === 'service-points'} data-testid="import-service-points-button">
                <Upload aria-hidden /> Import service points
              </Button>
              {!creating && (
                <Button onClick={() => setCreating(true)} data-testid="new-consumer-button">
                  <UserPlus aria-hidden /> New consumer
                </Button>
              )}
            </>
          )
        }
      />
      <div className="space-y-4">
        {importing && <ImportPanel key={importing} entity={importing} onClose={() => setImporting(undefined)} />}
        {creating && <CreateConsumerForm onCancel={() => setCreating(false)} onCreated={(c) => void navigate(`/consumers/${c.id}`)} />}
        <div className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter consumers">
          <DebouncedSearch value={state.search} onSearch={onSearch} label="Search by account number or name prefix" placeholder="Account number or name" testId="consumer-search" />
          <Select aria-label="Kind" className="w-44" value={state.kind} onChange={(e) => setFilter({ kind: e.target.value as ConsumerKind | '' })} data-testid="consumer-filter-kind">
            <option value="">All kinds</option>
            {CONSUMER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CONSUMER_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
          <Select aria-label="Status" className="w-36" value={state.status} onChange={(e) => setFilter({ status: e.target.value as ConsumerStatus | '' })} data-testid="consumer-filter-status">
            <option value="">All statuses</option>
            {CONSUMER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </Select>
          {filtered && (
            <Button variant="ghost" size="sm" onClick={() => setFilter({ search: '', kind: '', status: '' })}>
              <X aria-hidden /> Clear
            </Button>
          )}
          <div className="ml-auto">
            <ExportButtons entity="consumers" filters={{ search: request.search, kind: request.kind, status: request.status }} />
          </div>
        </div>
        {consumers.isError && <LoadError error={consumers.error} onRetry={() => void consumers.refetch()} />}
        <Table data-testid="consumers-table" aria-busy={consumers.isFetching}>
          <thead>
            <tr>
              <TableHead>Account</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead>Contact</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Since</TableHead>
            </tr>
          </thead>
          <tbody className={consumers.isFetching && items ? 'opacity-60' : undefined}>
            {items?.map((c) => (
              <tr key={c.id} data-testid={`consumer-row-${c.accountNumber}`} className="hover:bg-muted/40">
                <TableCell>
                  <Link to={`/consumers/${c.id}`} className="font-mono text-sm font-medium text-primary underline-offset-4 hover:underline">
                    {c.accountNumber}
                  </Link>
                </TableCell>
                <TableCell className="font-medium">{c.name}</TableCell>
                <TableCell>{CONSUMER_KIND_LABELS[c.kind]}</TableCell>
                <TableCell className="text-xs text-muted-foreground">{c.email ?? c.phone ?? '—'}</TableCell>
                <TableCell>{c.status === 'active' ? <Badge variant="success">active</Badge> : <Badge variant="neutral">closed</Badge>}</TableCell>
                <TableCell className="text-xs text-muted-foreground">{formatDate(c.createdAt)}</TableCell>
              </tr>
            ))}
            {!items && consumers.isFetching && <TableMessage colSpan={COLUMNS}>Loading consumers…</TableMessage>}
            {items?.length === 0 && <TableMessage colSpan={COLUMNS} testId="consumers-empty">{filtered ? 'No consumer matches.' : 'No consumers yet.'}</TableMessage>}
          </tbody>
        </Table>
        <Pager
          noun="consumer"
          testId="consumers"
          page={state.previous.length + 1}
          shown={items?.length ?? 0}
          limit={state.limit}
          hasNext={Boolean(consumers.data?.nextCursor) && !consumers.isPlaceholderData}
          busy={consumers.isFetching}
          onFirst={first}
          onPrevious={back}
          onNext={() => consumers.data?.nextCursor && next(consumers.data.nextCursor)}
          onLimit={(limit) => setFilter({ limit })}
        />
      </div>
    </>
  );
}
