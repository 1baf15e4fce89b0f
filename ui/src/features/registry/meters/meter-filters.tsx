import { METER_STATUSES, UTILITIES } from '@contracts/devices';
import type { MeterStatus, Utility } from '@contracts/devices';
import { X } from 'lucide-react';
import { useCallback } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useCan } from '@/features/auth';
import { DebouncedSearch } from '../components/debounced-search';
import { NodeSelect } from '../components/node-select';
import { METER_STATUS_LABELS, UTILITY_LABELS } from '../format';
import type { MeterListParams } from './use-meter-list-params';

/** Serial/devEui prefix search (debounced) and the utility, status and node filters of the meter list. */
export function MeterFilters({ state, onChange }: { state: MeterListParams; onChange: (change: Partial<MeterListParams>, replace?: boolean) => void }) {
  const canHierarchy = useCan('hierarchy:read');
  const onSearch = useCallback((search: string, replace?: boolean) => onChange({ search }, replace), [onChange]);

  const filtered = Boolean(state.search || state.utility || state.status || state.nodeId);
  return (
    <div className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter meters">
      <DebouncedSearch value={state.search} onSearch={onSearch} label="Search by serial or devEui prefix" placeholder="Serial or devEui prefix" testId="meter-search" />
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
