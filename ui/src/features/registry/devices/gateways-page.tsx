import { Plus, Upload } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { useGateways } from '../api/use-devices';
import { useNodeIndex } from '../api/use-hierarchy';
import { ExportButtons } from '../components/export-buttons';
import { ImportPanel } from '../components/import-panel';
import { LoadError, TableMessage } from '@/components/query-states';
import { GATEWAY_STATUS_VARIANTS, formatDateTime } from '../format';
import { CreateGatewayForm } from './create-gateway-form';

/** `/devices/gateways`: the tenant's gateways. */
export function GatewaysPage() {
  const gateways = useGateways();
  const nodes = useNodeIndex();
  const canWrite = useCan('devices:write');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const navigate = useNavigate();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <ExportButtons entity="gateways" filters={{}} />
        {canWrite && !importing && (
          <Button variant="outline" onClick={() => setImporting(true)} data-testid="import-button">
            <Upload aria-hidden /> Import
          </Button>
        )}
        {canWrite && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="new-gateway-button">
            <Plus aria-hidden /> New gateway
          </Button>
        )}
      </div>
      {importing && <ImportPanel entity="gateways" onClose={() => setImporting(false)} />}
      {creating && <CreateGatewayForm onCancel={() => setCreating(false)} onCreated={(g) => navigate(`/devices/gateways/${g.id}`)} />}
      {gateways.isError && <LoadError error={gateways.error} onRetry={() => void gateways.refetch()} />}
      <Table data-testid="gateways-table">
        <thead>
          <tr>
            <TableHead>Name</TableHead>
            <TableHead>EUI</TableHead>
            <TableHead>Model</TableHead>
            <TableHead>Node</TableHead>
            <TableHead>Location</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Registered</TableHead>
          </tr>
        </thead>
        <tbody>
          {gateways.data?.map((g) => (
            <tr key={g.id} data-testid={`gateway-row-${g.eui}`} className="hover:bg-muted/40">
              <TableCell>
                <Link to={g.id} className="font-medium text-primary underline-offset-4 hover:underline">
                  {g.name}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">{g.eui}</TableCell>
              <TableCell>{g.model ?? '—'}</TableCell>
              <TableCell>{g.nodeId ? (nodes.get(g.nodeId)?.name ?? g.nodeId.slice(0, 8)) : '—'}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{g.latitude !== null && g.longitude !== null ? `${g.latitude.toFixed(5)}, ${g.longitude.toFixed(5)}` : '—'}</TableCell>
              <TableCell>
                <Badge variant={GATEWAY_STATUS_VARIANTS[g.status]}>{g.status}</Badge>
              </TableCell>
              <TableCell className="text-xs whitespace-nowrap text-muted-foreground">{formatDateTime(g.createdAt)}</TableCell>
            </tr>
          ))}
          {gateways.isPending && <TableMessage colSpan={7}>Loading gateways…</TableMessage>}
          {gateways.data?.length === 0 && <TableMessage colSpan={7}>No gateways registered yet.</TableMessage>}
        </tbody>
      </Table>
    </div>
  );
}
