import type { ServicePointView } from '@contracts/consumers';
import { ArrowLeft, Link2, Lock, MapPinPlus, Pencil, Unlink } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { isApiError } from '@/lib/api-client';
import { useConsumer, useConsumerServicePoints, useServicePointMeters } from '../api/use-consumers';
import { useNodeIndex } from '../api/use-hierarchy';
import { useMeter } from '../api/use-meters';
import { DetailList } from '../components/detail-list';
import { ExportButtons } from '../components/export-buttons';
import { HistoryList } from '../components/history-list';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { PermissionGate } from '../components/permission-gate';
import { LoadError, Loading } from '@/components/query-states';
import { CONSUMER_KIND_LABELS, UTILITY_LABELS, formatDate, formatDateTime } from '../format';
import { CloseConsumerForm, EditConsumerForm } from './edit-consumer-form';
import { AttachMeterForm, CloseServicePointForm, CreateServicePointForm, DetachMeterForm } from './service-point-forms';

function LinkedMeter({ point, meterId, validFrom, validTo, canWrite }: { point: ServicePointView; meterId: string; validFrom: string; validTo: string | null; canWrite: boolean }) {
  const meter = useMeter(meterId, useCan('devices:read'));
  const [detaching, setDetaching] = useState(false);
  const serial = meter.data?.serial ?? meterId.slice(0, 8);
  return (
    <li className="py-1.5 text-sm" data-testid="service-point-meter" data-serial={meter.data?.serial} data-current={validTo === null}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link to={`/meters/${meterId}`} className="font-mono text-primary underline-offset-4 hover:underline">
          {serial}
        </Link>
        <span className="flex items-center gap-2 text-xs text-muted-foreground">
          {formatDate(validFrom)} – {validTo ? formatDate(validTo) : 'now'}
          {meter.data && <MeterStatusBadge status={meter.data.status} />}
          {canWrite && validTo === null && !detaching && (
            <Button variant="ghost" size="sm" onClick={() => setDetaching(true)} data-testid="detach-meter-button">
              <Unlink aria-hidden /> Detach
            </Button>
          )}
        </span>
      </div>
      {detaching && (
        <div className="mt-2">
          <DetachMeterForm point={point} meterId={meterId} serial={serial} onDone={() => setDetaching(false)} />
        </div>
      )}
    </li>
  );
}

function ServicePointCard({ point }: { point: ServicePointView }) {
  const meters = useServicePointMeters(point.id);
  const nodes = useNodeIndex();
  const canWrite = useCan('consumers:write') && point.status === 'active';
  const [action, setAction] = useState<'attach' | 'close'>();
  const done = () => setAction(undefined);
  return (
    <Card data-testid={`service-point-${point.code}`}>
      <CardHeader>
        <div>
          <CardTitle className="font-mono">{point.code}</CardTitle>
          <p className="text-xs text-muted-foreground">
            {UTILITY_LABELS[point.utility]}
            {point.address && ` · ${point.address}`}
            {point.nodeId && ` · ${nodes.get(point.nodeId)?.name ?? 'node'}`}
          </p>
        </div>
        {point.status === 'active' ? <Badge variant="success">active</Badge> : <Badge variant="neutral">closed</Badge>}
      </CardHeader>
      <CardContent>
        {point.description && <p className="mb-2 text-sm text-muted-foreground">{point.description}</p>}
        {canWrite && !action && (
          <div className="mb-3 flex gap-2">
            <Button variant="outline" size="sm" onClick={() => setAction('attach')} data-testid="attach-meter-button">
              <Link2 aria-hidden /> Attach meter
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setAction('close')} data-testid="close-service-point-button">
              <Lock aria-hidden /> Close point
            </Button>
          </div>
        )}
        {action && (
          <div className="mb-3">
            {action === 'attach' ? <AttachMeterForm point={point} onDone={done} /> : <CloseServicePointForm point={point} onDone={done} />}
          </div>
        )}
        <p className="text-xs font-medium text-muted-foreground">Meters serving it</p>
        {meters.isPending ? (
          <Loading label="Loading meters…" />
        ) : meters.isError ? (
          <LoadError error={meters.error} onRetry={() => void meters.refetch()} />
        ) : meters.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No meter linked.</p>
        ) : (
          <ul className="divide-y divide-border">
            {meters.data.map((link) => (
              <LinkedMeter key={link.id} point={point} meterId={link.meterId} validFrom={link.validFrom} validTo={link.validTo} canWrite={canWrite} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** `/consumers/:id`: the consumer, its service points with the meters serving them, and its history. */
export function ConsumerDetailPage() {
  const { id = '' } = useParams();
  return (
    <PermissionGate permission="consumers:read" what="consumers">
      <ConsumerDetail key={id} id={id} />
    </PermissionGate>
  );
}

function ConsumerDetail({ id }: { id: string }) {
  const consumer = useConsumer(id);
  const points = useConsumerServicePoints(id);
  const canWrite = useCan('consumers:write');
  const [action, setAction] = useState<'edit' | 'close' | 'new-point'>();
  const done = () => setAction(undefined);
  if (consumer.isPending) return <Loading label="Loading consumer…" />;
  if (consumer.isError) {
    if (isApiError(consumer.error) && consumer.error.status === 404) return <p className="text-sm text-muted-foreground">No consumer of your tenant has this id.</p>;
    return <LoadError error={consumer.error} onRetry={() => void consumer.refetch()} />;
  }
  const c = consumer.data;
  return (
    <div className="space-y-5" data-testid="consumer-detail">
      <Link to="/consumers" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> Consumers
      </Link>
      <PageHeader
        title={c.name}
        description={`${CONSUMER_KIND_LABELS[c.kind]} consumer · account ${c.accountNumber}`}
        actions={
          canWrite &&
          c.status === 'active' && (
            <>
              <Button variant="outline" onClick={() => setAction('edit')} aria-pressed={action === 'edit'} data-testid="consumer-action-edit">
                <Pencil aria-hidden /> Edit
              </Button>
              <Button variant="outline" onClick={() => setAction('close')} aria-pressed={action === 'close'} data-testid="consumer-action-close">
                <Lock aria-hidden /> Close
              </Button>
            </>
          )
        }
      />
      {action === 'edit' && <EditConsumerForm consumer={c} onDone={done} />}
      {action === 'close' && <CloseConsumerForm consumer={c} onDone={done} />}
      <Card>
        <CardHeader>
          <CardTitle>Consumer</CardTitle>
          {c.status === 'active' ? <Badge variant="success">active</Badge> : <Badge variant="neutral">closed</Badge>}
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              ['Account number', <span className="font-mono">{c.accountNumber}</span>],
              ['Email', c.email ?? '—'],
              ['Phone', c.phone ?? '—'],
              ['Postal address', c.postalAddress ?? '—'],
              ...(c.kind === 'non_residential'
                ? ([
                    ['Tax id', c.taxId ?? '—'],
                    ['Registration number', c.registrationNumber ?? '—'],
                    ['Contact person', c.contactPerson ?? '—'],
                  ] as [string, string][])
                : []),
              ['Closed', formatDateTime(c.closedAt)],
              ['Since', formatDateTime(c.createdAt)],
            ]}
          />
        </CardContent>
      </Card>
      <section className="space-y-3" aria-label="Service points">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">Service points</h2>
          <div className="flex flex-wrap gap-2">
            <ExportButtons entity="service-points" filters={{ consumerId: c.id }} />
            {canWrite && c.status === 'active' && action !== 'new-point' && (
              <Button size="sm" onClick={() => setAction('new-point')} data-testid="new-service-point-button">
                <MapPinPlus aria-hidden /> New service point
              </Button>
            )}
          </div>
        </div>
        {action === 'new-point' && <CreateServicePointForm consumerId={c.id} onDone={done} />}
        {points.isPending ? (
          <Loading label="Loading service points…" />
        ) : points.isError ? (
          <LoadError error={points.error} onRetry={() => void points.refetch()} />
        ) : points.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No service points.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {points.data.items.map((point) => (
              <ServicePointCard key={point.id} point={point} />
            ))}
          </div>
        )}
      </section>
      <HistoryList key={c.id} entityType="consumer" entityId={c.id} />
    </div>
  );
}
