import { METER_STATUSES, UTILITIES } from '@contracts/devices';
import type { MeterStatus, Utility } from '@contracts/devices';
import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useCan } from '@/features/auth';
import { NodeSelect } from '../components/node-select';
import { METER_STATUS_LABELS, UTILITY_LABELS } from '../format';
import type { MeterListParams } from './use-meter-list-params';

const SEARCH_DEBOUNCE_MS = 300;

/** Serial/devEui prefix search (debounced) and the utility, status and node filters of the meter list. */
export function MeterFilters({ state, onChange }: { state: MeterListParams; onChange: (change: Partial<MeterListParams>, replace?: boolean) => void }) {
  const [search, setSearch] = useState(state.search);
  const canHierarchy = useCan('hierarchy:read');

  const pushed = useRef(state.search);

  // The URL is the source of truth: back/forward or a pasted link updates the box (but not our own debounced write).
  useEffect(() => {
    if (state.search !== pushed.current) setSearch(state.search);
    pushed.current = state.search;
  }, [state.search]);
  useEffect(() => {
    const value = search.trim();
    if (value === state.search) return;
    const timer = setTimeout(() => {
      pushed.current = value;
      onChange({ search: value }, true);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, state.search, onChange]);

  const filtered = Boolean(state.search || state.utility || state.status || state.nodeId);
  return (
    <div className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter meters">
      <div className="relative w-full max-w-xs">
        <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Search by serial or devEui prefix"
          placeholder="Serial or devEui prefix"
          className="pl-8"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            pushed.current = search.trim();
            onChange({ search: search.trim() });
          }}
          data-testid="meter-search"
        />
      </div>
      <Select aria-label="Utility" className="w-40" value={state.utility} onChange={(e) => onChange({ utility: e.target.value as Utility | '' })} data-testid="meter-filter-utility">
        <option value="">All utilities</option>
        {UTILITIES.map((utility) => (
          <option key={utility} value={utility}>
            {UTILITY_LABELS[utility]}
          </option>
        ))}
      </Select>
      <Select aria-label="Status" className="w-40" value={state.status} onChange={(e) => onChange({ status: e.target.value as MeterStatus | '' })} data-testid="meter-filter-status">
        <option value="">All statuses</option>
        {METER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {METER_STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      {canHierarchy && (
        <NodeSelect aria-label="Hierarchy node" className="w-56" value={state.nodeId} onChange={(nodeId) => onChange({ nodeId })} emptyLabel="All nodes" data-testid="meter-filter-node" />
      )}
      {filtered && (
        <Button variant="ghost" size="sm" onClick={() => onChange({ search: '', utility: '', status: '', nodeId: '' })} data-testid="meter-filter-clear">
          <X aria-hidden /> Clear
        </Button>
      )}
    </div>
  );
}
