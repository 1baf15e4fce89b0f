import type { ReactNode } from 'react';
import { Label } from './label';

/** A labelled control with an optional hint and the API's message for this field (shown in red, tied by aria-describedby). */
export function FormField({ id, label, hint, error, children, className }: { id: string; label: string; hint?: string; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ?? 'space-y-1.5'}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && <p className="text-[11px] text-muted-foreground">{hint}</p>
      )}
    </div>
  );
}
