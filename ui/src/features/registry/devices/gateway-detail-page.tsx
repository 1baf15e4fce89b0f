import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { isApiError } from '@/lib/api-client';
import { useGateway } from '../api/use-devices';
import { useNodeIndex } from '../api/use-hierarchy';
import { DetailList } from '../components/detail-list';
import { HistoryList } from '../components/history-list';
import { LoadError, Loading } from '@/components/query-states';
import { GATEWAY_STATUS_VARIANTS, formatDateTime } from '../format';

/** `/devices/gateways/:id`: one gateway and its change history. */
export function GatewayDetailPage() {
  const { id = '' } = useParams();
  const gateway = useGateway(id);
  const nodes = useNodeIndex();
  if (gateway.isPending) return <Loading label="Loading gateway…" />;
  if (gateway.isError) {
    if (isApiError(gateway.error) && gateway.error.status === 404) return <p className="text-sm text-muted-foreground">No gateway of your tenant has this id.</p>;
    return <LoadError error={gateway.error} onRetry={() => void gateway.refetch()} />;
  }
  const g = gateway.data;
  const config = Object.keys(g.configuration).length > 0 ? <pre className="overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(g.configuration, null, 2)}</pre> : '—';
  return (
    <div className="space-y-5" data-testid="gateway-detail">
      <Link to="/devices/gateways" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> Gateways
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>{g.name}</CardTitle>
          <Badge variant={GATEWAY_STATUS_VARIANTS[g.status]}>{g.status}</Badge>
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              ['EUI', <span className="font-mono">{g.eui}</span>],
              ['Model', g.model ?? '—'],
              ['Node', g.nodeId ? (nodes.get(g.nodeId)?.name ?? g.nodeId) : '—'],
              ['Latitude', g.latitude ?? '—'],
              ['Longitude', g.longitude ?? '—'],
              ['Registered', formatDateTime(g.createdAt)],
              ['Last changed', formatDateTime(g.updatedAt)],
              ['Configuration', config],
            ]}
          />
        </CardContent>
      </Card>
      <HistoryList key={g.id} entityType="gateway" entityId={g.id} />
    </div>
  );
}
