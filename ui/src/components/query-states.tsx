import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A table row spanning every column: loading, empty or failed. */
export function TableMessage({ colSpan, children, testId }: { colSpan: number; children: ReactNode; testId?: string }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-8 text-center text-sm text-muted-foreground" data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm text-muted-foreground" role="status">
      <LoaderCircle aria-hidden className="size-4 animate-spin" /> {label}
    </span>
  );
}

/** A failed load, with its message and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert variant="danger" className="flex items-center justify-between gap-3" data-testid="load-error">
      <span>Could not load: {message}</span>
      {onRetry && (
        <Button size="sm" variant="outline" onClick={onRetry}>
          Retry
        </Button>
      )}
    </Alert>
  );
}
