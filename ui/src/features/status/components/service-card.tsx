import type { ServiceHealthEntry } from '@contracts/health';
import { Server } from 'lucide-react';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/utils';
import { capitalize, formatLatency, formatUptime, SERVICE_ROLES } from '../format';
import { FieldList } from './field-list';
import { StatusBadge } from './status-badge';

export function ServiceCard({ name, entry }: { name: string; entry: ServiceHealthEntry }) {
  const titleId = `service-${name}-title`;
  return (
    <Card data-testid={`service-${name}`} data-status={entry.status} aria-labelledby={titleId} role="group">
      <CardHeader>
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
            <Server aria-hidden className="size-4" />
          </span>
          <div className="min-w-0">
            <CardTitle id={titleId}>{capitalize(name)}</CardTitle>
            <CardDescription>{SERVICE_ROLES[name] ?? 'Service'}</CardDescription>
          </div>
        </div>
        <StatusBadge status={entry.status} />
      </CardHeader>
      <CardContent>
        <FieldList
          fields={[
            { name: 'version', label: 'Version', value: entry.version ?? '—', mono: true },
            { name: 'instance', label: 'Instance', value: <span title={entry.instance}>{entry.instance ?? '—'}</span>, mono: true },
            { name: 'uptime', label: 'Uptime', value: formatUptime(entry.uptimeSeconds) },
            { name: 'latency', label: 'Latency', value: formatLatency(entry.latencyMs) },
          ]}
        />
      </CardContent>
      {entry.detail && (
        <CardFooter
          data-field="detail"
          className={cn(
            entry.status === 'down' && 'text-danger-foreground',
            entry.status === 'degraded' && 'text-warning-foreground',
          )}
        >
          {entry.detail}
        </CardFooter>
      )}
    </Card>
  );
}
