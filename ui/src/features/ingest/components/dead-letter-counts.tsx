import type { DeadLetterCounts } from '@contracts/ingest.contract';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/utils';
import { codeLabel } from '../format';

/** Dead letters of the period by code; choosing a code filters the list below (again: all codes). */
export function DeadLetterCountsCard({ counts, selected, onSelect }: { counts: DeadLetterCounts | undefined; selected: string; onSelect: (code: string) => void }) {
  const entries = Object.entries(counts?.byCode ?? {}).sort(([, a], [, b]) => b - a);
  return (
    <Card data-testid="dead-letter-counts">
      <CardHeader>
        <div>
          <CardTitle>Dead letters by code</CardTitle>
          <CardDescription>Messages the pipeline could not use in the period.</CardDescription>
        </div>
        <p className="text-2xl font-semibold tabular-nums" data-testid="dead-letter-total">
          {counts?.total ?? '—'}
        </p>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{counts ? 'None in this period.' : 'Loading…'}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {entries.map(([code, n]) => (
              <li key={code}>
                <button
                  type="button"
                  aria-pressed={selected === code}
                  onClick={() => onSelect(selected === code ? '' : code)}
                  data-testid={`dead-letter-count-${code}`}
                  className={cn(
                    'flex items-center gap-2 rounded-md border px-2.5 py-1 text-xs transition-colors',
                    selected === code ? 'border-primary bg-primary/10' : 'border-border hover:bg-muted',
                  )}
                >
                  <span className="font-mono">{code}</span>
                  <span className="sr-only">({codeLabel(code)})</span>
                  <span className="font-semibold tabular-nums">{n}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
