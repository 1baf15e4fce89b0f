import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { PAGE_SIZES } from './use-meter-list-params';

/** Keyset paging: first, previous, next; the page number is the depth walked, never a count of rows. */
export function Pager({
  page,
  shown,
  limit,
  hasNext,
  busy,
  onFirst,
  onPrevious,
  onNext,
  onLimit,
  noun = 'meter',
  testId = 'meters',
}: {
  page: number;
  shown: number;
  limit: number;
  hasNext: boolean;
  busy: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLimit: (limit: number) => void;
  /** What is listed, singular ("meter"). */
  noun?: string;
  /** Prefix of the test ids (`meters` → `meters-next`). */
  testId?: string;
}) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid={`${testId}-pager`}>
      <p className="text-xs text-muted-foreground" data-testid={`${testId}-page-info`}>
        Page {page} · {shown} {noun}{shown === 1 ? '' : 's'} shown{hasNext ? ', more on the next page' : ''}
      </p>
      <div className="flex items-center gap-1">
        <label className="mr-2 flex items-center gap-2 text-xs text-muted-foreground">
          Per page
          <Select className="h-8 w-20" value={limit} onChange={(e) => onLimit(Number(e.target.value))} data-testid={`${testId}-page-size`}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </label>
        <Button variant="outline" size="sm" disabled={page === 1 || busy} onClick={onFirst} aria-label="First page">
          <ChevronsLeft aria-hidden />
        </Button>
        <Button variant="outline" size="sm" disabled={page === 1 || busy} onClick={onPrevious} data-testid={`${testId}-previous`}>
          <ChevronLeft aria-hidden /> Previous
        </Button>
        <Button variant="outline" size="sm" disabled={!hasNext || busy} onClick={onNext} data-testid={`${testId}-next`}>
          Next <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
