import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { usePulseModules } from '../api/use-devices';
import { LoadError, TableMessage } from '@/components/query-states';
import { formatDateTime, formatDecimal } from '../format';
import { CreatePulseModuleForm } from './create-pulse-module-form';

/** `/devices/pulse-modules`: pulse modules and the meters whose output they count. */
export function PulseModulesPage() {
  const modules = usePulseModules();
  const canWrite = useCan('devices:write');
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        {canWrite && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="new-pulse-module-button">
            <Plus aria-hidden /> New pulse module
          </Button>
        )}
      </div>
      {creating && <CreatePulseModuleForm onDone={() => setCreating(false)} />}
      {modules.isError && <LoadError error={modules.error} onRetry={() => void modules.refetch()} />}
      <Table data-testid="pulse-modules-table">
        <thead>
          <tr>
            <TableHead>Serial</TableHead>
            <TableHead>Meter</TableHead>
            <TableHead>Pulse weight</TableHead>
            <TableHead>Registered</TableHead>
          </tr>
        </thead>
        <tbody>
          {modules.data?.map((m) => (
            <tr key={m.id} data-testid={`pulse-module-row-${m.serial}`}>
              <TableCell className="font-mono">{m.serial}</TableCell>
              <TableCell>
                {m.meterId ? (
                  <Link to={`/meters/${m.meterId}`} className="text-primary underline-offset-4 hover:underline">
                    open meter
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className="font-mono text-xs">
                {formatDecimal(m.pulseWeight)} {m.unit}
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">{formatDateTime(m.createdAt)}</TableCell>
            </tr>
          ))}
          {modules.isPending && <TableMessage colSpan={4}>Loading pulse modules…</TableMessage>}
          {modules.data?.length === 0 && <TableMessage colSpan={4}>No pulse modules registered yet.</TableMessage>}
        </tbody>
      </Table>
    </div>
  );
}
