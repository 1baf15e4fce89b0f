import type { HierarchyNodeView } from '@contracts/hierarchy';
import type { HistoryEntityType, HistoryEntryView, HistoryValue } from '@contracts/history';
import { History } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { useActorNames } from '../api/use-actors';
import { useNodeIndex } from '../api/use-hierarchy';
import { useEntityHistory } from '../api/use-history';
import { actionLabel, formatDateTime, formatDecimal } from '../format';
import { LoadError, Loading } from '@/components/query-states';

const STORED_DECIMAL = /^[0-9]+\.[0-9]{6}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Fields whose values are hierarchy node ids (shown by name). */
const NODE_FIELDS = new Set(['nodeId', 'parentId']);

/** A recorded value for people: node ids by name, instants in local time, stored decimals without trailing zeros. */
function show(field: string, value: HistoryValue, nodes: Map<string, HierarchyNodeView>): string {
  if (value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value !== 'string') return String(value);
  if (NODE_FIELDS.has(field)) return nodes.get(value)?.name ?? value;
  // A node's materialised path (`/rootId/…/id/`) reads as the names from the root.
  if (field === 'path' && value.startsWith('/')) return value.split('/').filter(Boolean).map((id) => nodes.get(id)?.name ?? id.slice(0, 8)).join(' / ');
  if (STORED_DECIMAL.test(value)) return formatDecimal(value);
  if (ISO_INSTANT.test(value)) return formatDateTime(value);
  return value;
}

function actorOf(entry: HistoryEntryView, names: Map<string, string>): string {
  if (entry.actorKind === 'system') return 'the platform';
  const name = entry.actorId ? names.get(entry.actorId) : undefined;
  if (name) return name;
  return `${entry.actorKind === 'api_key' ? 'API key' : 'user'} ${entry.actorId?.slice(0, 8) ?? ''}`;
}

function HistoryEntry({ entry, names, nodes }: { entry: HistoryEntryView; names: Map<string, string>; nodes: Map<string, HierarchyNodeView> }) {
  const diffs = Object.entries(entry.changes);
  return (
    <li className="border-b border-border py-3 last:border-b-0" data-testid="history-entry" data-action={entry.action}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Badge variant={entry.action === 'create' ? 'success' : entry.action === 'replace' ? 'warning' : 'outline'}>{actionLabel(entry.action)}</Badge>
        <time dateTime={entry.at} className="font-medium">
          {formatDateTime(entry.at)}
        </time>
        <span className="text-muted-foreground">
          by <span className="text-foreground" data-testid="history-actor">{actorOf(entry, names)}</span>
          {entry.ip && <> from <span className="font-mono text-xs">{entry.ip}</span></>}
        </span>
      </div>
      {diffs.length > 0 && (
        <table className="mt-2 w-full max-w-3xl text-xs">
          <tbody>
            {diffs.map(([field, diff]) => (
              <tr key={field} className="align-top">
                <td className="w-40 py-0.5 pr-3 font-mono text-muted-foreground">{field}</td>
                <td className="w-1/3 py-0.5 pr-2 break-all text-muted-foreground line-through decoration-muted-foreground/50" title={JSON.stringify(diff.from)}>
                  {show(field, diff.from, nodes)}
                </td>
                <td className="py-0.5 text-muted-foreground">→</td>
                <td className="py-0.5 pl-2 break-all" title={JSON.stringify(diff.to)}>
                  {show(field, diff.to, nodes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** The change history of one entity (who, when, from where, field diffs), newest first, paged by "Load older". */
export function HistoryList({ entityType, entityId }: { entityType: HistoryEntityType; entityId: string }) {
  const allowed = useCan('history:read');
  const names = useActorNames();
  const nodes = useNodeIndex();
  const history = useEntityHistory(entityType, entityId);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card data-testid="history">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <History aria-hidden className="size-4" /> Change history
        </CardTitle>
      </CardHeader>
      <CardContent>
        {!allowed ? (
          <p className="text-sm text-muted-foreground">Your role does not include the change history.</p>
        ) : history.isPending ? (
          <Loading label="Loading history…" />
        ) : history.isError ? (
          <LoadError error={history.error} onRetry={() => void history.refetch()} />
        ) : entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">No changes recorded.</p>
        ) : (
          <>
            <ol>
              {entries.map((entry) => (
                <HistoryEntry key={entry.id} entry={entry} names={names} nodes={nodes} />
              ))}
            </ol>
            {history.hasNextPage && (
              <Button variant="outline" size="sm" className="mt-3" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()} data-testid="history-more">
                {history.isFetchingNextPage ? 'Loading…' : 'Load older changes'}
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
