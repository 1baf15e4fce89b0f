import type { ReactNode } from 'react';

/** A definition list of label/value pairs in a responsive grid. */
export function DetailList({ items, testId }: { items: [label: string, value: ReactNode][]; testId?: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="mt-0.5 break-words" data-field={label}>
            {value ?? '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}
