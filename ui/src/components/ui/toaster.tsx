import { CircleAlert, X } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';

/**
 * The one place errors are shown to the operator (the QueryClient in main.tsx feeds it).
 * A toast with the same id replaces the previous one, so a polling query that keeps failing shows one toast.
 */
export interface Toast {
  id: string;
  title: string;
  description?: string;
  variant: 'error' | 'info';
}

const AUTO_DISMISS_MS = 8000;
let toasts: Toast[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function dismissToast(id: string): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function showToast(toast: Omit<Toast, 'id'> & { id?: string }): void {
  const id = toast.id ?? `toast-${++nextId}`;
  toasts = [...toasts.filter((existing) => existing.id !== id), { ...toast, id }].slice(-4);
  clearTimeout(timers.get(id));
  timers.set(
    id,
    setTimeout(() => dismissToast(id), AUTO_DISMISS_MS),
  );
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = (): Toast[] => toasts;

export function Toaster() {
  const items = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2"
    >
      {items.map((toast) => (
        <div
          key={toast.id}
          role={toast.variant === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          className={cn(
            'pointer-events-auto flex items-start gap-3 rounded-lg border bg-card p-3 pr-2 text-sm shadow-lg',
            toast.variant === 'error' ? 'border-danger/30' : 'border-border',
          )}
        >
          <CircleAlert
            aria-hidden
            className={cn('mt-0.5 size-4 shrink-0', toast.variant === 'error' ? 'text-danger' : 'text-primary')}
          />
          <div className="min-w-0 flex-1">
            <p className="font-medium">{toast.title}</p>
            {toast.description && <p className="mt-0.5 text-muted-foreground">{toast.description}</p>}
          </div>
          <button
            type="button"
            onClick={() => dismissToast(toast.id)}
            className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
            aria-label="Dismiss notification"
          >
            <X aria-hidden className="size-4" />
          </button>
        </div>
      ))}
    </section>
  );
}
