import type { MeterView } from '@contracts/devices';
import { useDeferredValue, useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';
import { useMeters } from '../api/use-meters';
import { MeterStatusBadge } from '../components/meter-status-badge';

const CANDIDATES = 8;

/** Finds the replacement: a meter of the same utility in stock (or removed), by serial prefix. */
export function ReplacementPicker({ meter, selected, onSelect, error }: { meter: MeterView; selected: MeterView | undefined; onSelect: (meter: MeterView) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const inStock = useMeters({ utility: meter.utility, status: 'in_stock', search: deferred || undefined, limit: CANDIDATES });
  const removed = useMeters({ utility: meter.utility, status: 'removed', search: deferred || undefined, limit: CANDIDATES }, deferred.length > 0);
  const candidates = [...(inStock.data?.items ?? []), ...(removed.data?.items ?? [])].filter((m) => m.id !== meter.id);
  return (
    <FormField id="replace-search" label="New meter" error={error} hint="Type the start of its serial; meters in stock or removed">
      <Input id="replace-search" type="search" placeholder="Serial prefix" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" data-testid="replace-search" />
      <ul className="mt-1 max-h-56 divide-y divide-border overflow-auto rounded-md border border-border bg-card" role="listbox" aria-label="Replacement candidates" data-testid="replace-candidates">
        {candidates.map((candidate) => (
          <li key={candidate.id} role="option" aria-selected={selected?.id === candidate.id}>
            <button
              type="button"
              onClick={() => onSelect(candidate)}
              className={cn('flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none', selected?.id === candidate.id && 'bg-primary/10')}
              data-testid={`replace-candidate-${candidate.serial}`}
            >
              <span className="font-mono">{candidate.serial}</span>
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                {candidate.vendor}
                <MeterStatusBadge status={candidate.status} />
              </span>
            </button>
          </li>
        ))}
        {candidates.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">{inStock.isPending ? 'Searching…' : 'No meter in stock matches.'}</li>}
      </ul>
      {selected && (
        <p className="text-xs" data-testid="replace-selected">
          Selected: <span className="font-mono font-medium">{selected.serial}</span>
        </p>
      )}
    </FormField>
  );
}
