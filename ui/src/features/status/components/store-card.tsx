import { REQUIRED_STORES, type StoreHealthEntry, type StoreName } from '@contracts/health';
import { Database } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/utils';
import { formatLatency, STORE_LABELS } from '../format';
import { FieldList } from './field-list';
import { StatusBadge } from './status-badge';

export function StoreCard({ name, entry }: { name: StoreName; entry: StoreHealthEntry }) {
  const titleId = `store-${name}-title`;
  const meta = STORE_LABELS[name] ?? { label: name, role: 'Data store' };
  const required = REQUIRED_STORES.includes(name);
  const reportedBy = entry.reportedBy ?? [];
  return (
    <Card data-testid={`store-${name}`} data-status={entry.status} aria-labelledby={titleId} role="group">
      <CardHeader>
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
            <Database aria-hidden className="size-4" />
          </span>
          <div className="min-w-0">
            <CardTitle id={titleId} className="flex items-center gap-2">
              {meta.label}
              {!required && <span className="text-[11px] font-normal text-muted-foreground">optional</span>}
            </CardTitle>
            <CardDescription className="truncate">{meta.role}</CardDescription>
          </div>
        </div>
        <StatusBadge status={entry.status} />
      </CardHeader>
      <CardContent>
        <FieldList
          fields={[
            { name: 'latency', label: 'Latency', value: formatLatency(entry.latencyMs) },
            {
              name: 'reportedBy',
              label: 'Reported by',
              value:
                reportedBy.length > 0 ? (
                  <span className="flex flex-wrap gap-1">
                    {reportedBy.map((service) => (
                      <Badge key={service} variant="outline" className="px-1.5 font-normal">
                        {service}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  '—'
                ),
            },
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
