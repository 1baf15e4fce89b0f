import type { DeadLetter } from '@contracts/ingest.contract';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { Fragment, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { formatDateTime } from '../format';

/** Dead letters, newest first; a row expands to the reason, the field at fault and the raw message. */
export function DeadLettersTable({ items, loading, showTenant }: { items: DeadLetter[] | undefined; loading: boolean; showTenant: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columns = showTenant ? 6 : 5;
  return (
    <Table data-testid="dead-letters-table">
      <thead>
        <tr>
          <TableHead className="w-8" />
          <TableHead>Received</TableHead>
          <TableHead>Code</TableHead>
          <TableHead>Device</TableHead>
          {showTenant && <TableHead>Tenant</TableHead>}
          <TableHead>Reason</TableHead>
        </tr>
      </thead>
      <tbody>
        {items?.map((item) => {
          const key = `${item.tenantId ?? ''}/${item.id}`;
          const expanded = open.has(key);
          return (
            <Fragment key={key}>
              <tr data-testid="dead-letter-row" data-id={item.id} className="cursor-pointer hover:bg-muted/40" onClick={() => toggle(key)}>
                <TableCell>
                  <button type="button" aria-expanded={expanded} aria-label={expanded ? 'Hide details' : 'Show details'} className="text-muted-foreground">
                    {expanded ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
                  </button>
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap">{formatDateTime(item.receivedAt)}</TableCell>
                <TableCell>
                  <Badge variant={item.code === 'CODEC_REJECTED' ? 'warning' : 'danger'}>{item.code}</Badge>
                </TableCell>
                <TableCell className="font-mono text-xs">{item.devEui ?? '—'}</TableCell>
                {showTenant && <TableCell className="font-mono text-[11px] text-muted-foreground">{item.tenantId ?? 'nobody'}</TableCell>}
                <TableCell className="max-w-md truncate text-xs" title={item.message}>
                  {item.message}
                </TableCell>
              </tr>
              {expanded && (
                <tr data-testid="dead-letter-detail">
                  <td colSpan={columns} className="border-b border-border bg-muted/30 px-4 py-3">
                    <dl className="grid gap-x-4 gap-y-1.5 text-xs sm:grid-cols-[8rem_1fr]">
                      <dt className="text-muted-foreground">Reason</dt>
                      <dd data-testid="dead-letter-reason">{item.message}</dd>
                      <dt className="text-muted-foreground">Field</dt>
                      <dd className="font-mono" data-testid="dead-letter-field">{item.field || '—'}</dd>
                      <dt className="text-muted-foreground">Topic</dt>
                      <dd className="font-mono break-all">{item.topic}</dd>
                      <dt className="text-muted-foreground">Event</dt>
                      <dd>{item.event ?? '—'}</dd>
                      <dt className="text-muted-foreground">Message id</dt>
                      <dd className="font-mono break-all">{item.id}</dd>
                      <dt className="text-muted-foreground">Raw message</dt>
                      <dd>
                        {item.raw === null && <p className="mb-1 text-muted-foreground">Not UTF-8 text; the bytes as base64:</p>}
                        <pre className="max-h-64 overflow-auto rounded-md border border-border bg-card p-2 font-mono text-[11px] whitespace-pre-wrap break-all" data-testid="dead-letter-raw">
                          {item.raw ?? item.rawBase64}
                        </pre>
                      </dd>
                    </dl>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
        {!items && loading && (
          <tr>
            <td colSpan={columns} className="px-3 py-8 text-center text-sm text-muted-foreground">
              Loading dead letters…
            </td>
          </tr>
        )}
        {items?.length === 0 && (
          <tr>
            <td colSpan={columns} className="px-3 py-8 text-center text-sm text-muted-foreground" data-testid="dead-letters-empty">
              No dead letters match.
            </td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
