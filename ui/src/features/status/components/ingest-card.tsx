import type { IngestInstanceStats, IngestStats } from '@contracts/ingest.contract';
import { Activity, CircleCheck, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { formatAgeMs, formatRate } from '../format';
import { useRateHistory } from '../rate-history';
import { RateSparkline } from './rate-sparkline';

/**
 * The "Ingest" card: the platform-wide rates (sums over the instances), the last two minutes of them, and one
 * row per ingest instance with its write-ahead buffer (degraded reasons shown). `error` is the last poll's failure.
 */
export function IngestCard({ stats, error, now }: { stats: IngestStats | undefined; error: string | undefined; now: number }) {
  const history = useRateHistory();
  const degraded = stats?.instances.some((i) => i.bufferStatus === 'degraded') ?? false;
  // stale: the last poll failed and the figures shown are the previous answer's.
  const status = error ? (stats ? 'stale' : 'unavailable') : !stats ? 'loading' : stats.instances.length === 0 ? 'idle' : degraded ? 'degraded' : 'ok';
  return (
    <Card data-testid="ingest-card" data-status={status} aria-labelledby="ingest-card-title" role="group">
      <CardHeader>
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
            <Activity aria-hidden className="size-4" />
          </span>
          <div className="min-w-0">
            <CardTitle id="ingest-card-title">Ingest</CardTitle>
            <CardDescription>MQTT uplinks into ClickHouse, per second over each instance&apos;s last 5 s. Refreshes every 2 seconds.</CardDescription>
          </div>
        </div>
        {stats && (
          <Badge variant={degraded ? 'warning' : 'outline'} data-testid="ingest-instance-count">
            {stats.instances.length} {stats.instances.length === 1 ? 'instance' : 'instances'}
          </Badge>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-3 gap-4">
          <Rate name="received" label="Received" value={stats?.receivedPerSecond} />
          <Rate name="stored" label="Stored" value={stats?.storedPerSecond} />
          <Rate name="dead-lettered" label="Dead-lettered" value={stats?.deadLetteredPerSecond} />
        </dl>
        <RateSparkline points={history} now={now} />
        {stats && stats.instances.length > 0 && <InstanceTable instances={stats.instances} now={now} />}
        {stats && stats.instances.length === 0 && (
          <p className="text-sm text-muted-foreground" data-testid="ingest-no-instances">
            No ingest instance has reported in the last 10 seconds.
          </p>
        )}
      </CardContent>
      {error && (
        <CardFooter data-field="error" className="text-danger-foreground">
          {stats ? `Last refresh failed (${error}); showing the previous figures.` : `The ingest statistics are unavailable: ${error}`}
        </CardFooter>
      )}
    </Card>
  );
}

function Rate({ name, label, value }: { name: string; label: string; value: number | undefined }) {
  return (
    <div className="min-w-0" data-testid={`ingest-rate-${name}`} data-value={value ?? ''}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums">{value === undefined ? '—' : formatRate(value)}</dd>
    </div>
  );
}

function InstanceTable({ instances, now }: { instances: IngestInstanceStats[]; now: number }) {
  return (
    <Table aria-label="Ingest instances">
      <thead>
        <tr>
          <TableHead>Instance</TableHead>
          <TableHead className="text-right">Received</TableHead>
          <TableHead className="text-right">Stored</TableHead>
          <TableHead className="text-right">Dead-lettered</TableHead>
          <TableHead>Buffer</TableHead>
        </tr>
      </thead>
      <tbody>
        {instances.map((instance) => (
          <tr
            key={instance.instanceId}
            data-testid="ingest-instance"
            data-instance={instance.instanceId}
            data-buffer={instance.bufferStatus}
            data-received={instance.receivedPerSecond}
          >
            <TableCell className="max-w-56 truncate font-mono text-xs" title={`${instance.instanceId}, reported ${Math.max(0, Math.round((now - Date.parse(instance.at)) / 1000))} s ago`}>
              {instance.instanceId}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatRate(instance.receivedPerSecond)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatRate(instance.storedPerSecond)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatRate(instance.deadLetteredPerSecond)}</TableCell>
            <TableCell>
              <BufferState instance={instance} />
            </TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function BufferState({ instance }: { instance: IngestInstanceStats }) {
  const degraded = instance.bufferStatus === 'degraded';
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={degraded ? 'warning' : 'success'}>
          {degraded ? <TriangleAlert aria-hidden className="size-3.5" /> : <CircleCheck aria-hidden className="size-3.5" />}
          {degraded ? 'Degraded' : 'Healthy'}
        </Badge>
        <span className="text-xs text-muted-foreground tabular-nums">
          {instance.bufferedRecords.toLocaleString('en-US')} buffered
          {instance.bufferedRecords > 0 && `, oldest ${formatAgeMs(instance.oldestBufferedAgeMs)}`}
        </span>
      </div>
      {degraded && instance.bufferReasons.length > 0 && (
        <ul className="list-inside list-disc text-xs text-warning-foreground" data-field="buffer-reasons">
          {instance.bufferReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
