import type { ServicePointView } from '@contracts/consumers';
import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { isApiError } from '@/lib/api-client';
import { useConsumer, useConsumerServicePoints, useServicePointMeters } from '../api/use-consumers';
import { useNodeIndex } from '../api/use-hierarchy';
import { useMeter } from '../api/use-meters';
import { DetailList } from '../components/detail-list';
import { HistoryList } from '../components/history-list';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { PermissionGate } from '../components/permission-gate';
import { LoadError, Loading } from '../components/query-states';
import { CONSUMER_KIND_LABELS, UTILITY_LABELS, formatDate, formatDateTime } from '../format';

function LinkedMeter({ meterId, validFrom, validTo }: { meterId: string; validFrom: string; validTo: string | null }) {
  const meter = useMeter(meterId, useCan('devices:read'));
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm" data-testid="service-point-meter">
      <Link to={`/meters/${meterId}`} className="font-mono text-primary underline-offset-4 hover:underline">
        {meter.data?.serial ?? meterId.slice(0, 8)}
      </Link>
      <span className="flex items-center gap-2 text-xs text-muted-foreground">
        {formatDate(validFrom)} – {validTo ? formatDate(validTo) : 'now'}
        {meter.data && <MeterStatusBadge status={meter.data.status} />}
      </span>
    </li>
  );
}

function ServicePointCard({ point }: { point: ServicePointView }) {
  const meters = useServicePointMeters(point.id);
  const nodes = useNodeIndex();
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
              <LinkedMeter key={link.id} meterId={link.meterId} validFrom={link.validFrom} validTo={link.validTo} />
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
      <PageHeader title={c.name} description={`${CONSUMER_KIND_LABELS[c.kind]} consumer · account ${c.accountNumber}`} />
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
        <h2 className="text-sm font-semibold">Service points</h2>
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
