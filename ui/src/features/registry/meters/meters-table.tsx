import type { MeterView } from '@contracts/devices';
import { Link } from 'react-router-dom';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useNodeIndex } from '../api/use-hierarchy';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { TableMessage } from '@/components/query-states';
import { UTILITY_LABELS, formatDate } from '../format';

const COLUMNS = 7;

/** One page of meters; the serial links to the meter's page. */
export function MetersTable({ meters, loading, filtered }: { meters: MeterView[] | undefined; loading: boolean; filtered: boolean }) {
  const nodes = useNodeIndex();
  return (
    <Table data-testid="meters-table" aria-busy={loading}>
      <thead>
        <tr>
          <TableHead>Serial</TableHead>
          <TableHead>Utility</TableHead>
          <TableHead>Vendor / model</TableHead>
          <TableHead>Codec</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Node</TableHead>
          <TableHead>Installed</TableHead>
        </tr>
      </thead>
      <tbody className={loading && meters ? 'opacity-60' : undefined}>
        {meters?.map((meter) => (
          <tr key={meter.id} data-testid={`meter-row-${meter.serial}`} className="hover:bg-muted/40">
            <TableCell>
              <Link to={`/meters/${meter.id}`} className="font-mono text-sm font-medium text-primary underline-offset-4 hover:underline" data-testid="meter-link">
                {meter.serial}
              </Link>
              {meter.lorawan && <p className="font-mono text-[11px] text-muted-foreground">{meter.lorawan.devEui}</p>}
            </TableCell>
            <TableCell>{UTILITY_LABELS[meter.utility]}</TableCell>
            <TableCell>
              {meter.vendor}
              {meter.model && <span className="text-muted-foreground"> · {meter.model}</span>}
            </TableCell>
            <TableCell className="font-mono text-xs">{meter.codecId ?? '—'}</TableCell>
            <TableCell>
              <MeterStatusBadge status={meter.status} />
            </TableCell>
            <TableCell className="text-sm">{meter.nodeId ? (nodes.get(meter.nodeId)?.name ?? meter.nodeId.slice(0, 8)) : '—'}</TableCell>
            <TableCell className="text-xs text-muted-foreground">{formatDate(meter.installedAt)}</TableCell>
          </tr>
        ))}
        {!meters && loading && <TableMessage colSpan={COLUMNS}>Loading meters…</TableMessage>}
        {meters?.length === 0 && (
          <TableMessage colSpan={COLUMNS} testId="meters-empty">
            {filtered ? 'No meter matches this search and these filters.' : 'No meters registered yet.'}
          </TableMessage>
        )}
      </tbody>
    </Table>
  );
}
