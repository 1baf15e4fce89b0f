import { LOGIN_OUTCOMES } from '@contracts/identity';
import type { LoginOutcome } from '@contracts/identity';
import { useSearchParams } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useCan } from '@/features/auth';
import { useLoginEvents } from '../api/use-login-events';
import { formatDateTime } from '../format';

const PAGE = 50;
const VARIANTS: Record<LoginOutcome, 'success' | 'danger' | 'warning'> = { success: 'success', failure: 'danger', locked: 'warning', rate_limited: 'warning' };

/** `/admin/login-events`: the sign-in audit trail of the tenant, newest first; filter and page state in the URL. */
export function LoginEventsPage() {
  const allowed = useCan('users:manage');
  const [params, setParams] = useSearchParams();
  const outcomeParam = params.get('outcome') ?? '';
  const outcome = (LOGIN_OUTCOMES as readonly string[]).includes(outcomeParam) ? (outcomeParam as LoginOutcome) : undefined;
  const before = params.get('before') ?? undefined;
  const events = useLoginEvents({ outcome, before, limit: PAGE });
  const last = events.data?.at(-1);
  const go = (next: { outcome?: string; before?: string }) => {
    const out = new URLSearchParams();
    if (next.outcome) out.set('outcome', next.outcome);
    if (next.before) out.set('before', next.before);
    setParams(out);
  };
  if (!allowed) return <p className="text-sm text-muted-foreground">Your role does not include the sign-in audit trail.</p>;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Outcome">
        {(['', ...LOGIN_OUTCOMES] as const).map((value) => (
          <Button key={value || 'all'} size="sm" variant={(outcome ?? '') === value ? 'secondary' : 'ghost'} aria-pressed={(outcome ?? '') === value} onClick={() => go({ outcome: value })}>
            {value ? value.replace('_', ' ') : 'All'}
          </Button>
        ))}
      </div>
      <Table data-testid="login-events-table">
        <thead>
          <tr>
            <TableHead>When</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Outcome</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>From</TableHead>
          </tr>
        </thead>
        <tbody>
          {events.data?.map((event) => (
            <tr key={event.id} data-testid="login-event-row">
              <TableCell className="text-xs whitespace-nowrap">{formatDateTime(event.at)}</TableCell>
              <TableCell>{event.email}</TableCell>
              <TableCell>
                <Badge variant={VARIANTS[event.outcome]}>{event.outcome.replace('_', ' ')}</Badge>
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">{event.reason ?? '—'}</TableCell>
              <TableCell className="max-w-xs">
                <p className="font-mono text-xs">{event.ip ?? '—'}</p>
                {event.userAgent && <p className="truncate text-[11px] text-muted-foreground" title={event.userAgent}>{event.userAgent}</p>}
              </TableCell>
            </tr>
          ))}
          {events.isPending && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-sm text-muted-foreground">
                Loading sign-in events…
              </td>
            </tr>
          )}
          {events.data?.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-sm text-muted-foreground">
                No sign-in events.
              </td>
            </tr>
          )}
        </tbody>
      </Table>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="outline" disabled={!before} onClick={() => go({ outcome })}>
          Newest
        </Button>
        <Button size="sm" variant="outline" disabled={!last || (events.data?.length ?? 0) < PAGE} onClick={() => last && go({ outcome, before: last.at })} data-testid="login-events-older">
          Older
        </Button>
      </div>
    </div>
  );
}
