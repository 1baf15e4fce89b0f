import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

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
