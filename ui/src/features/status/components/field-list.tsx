import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export interface Field {
  label: string;
  value: ReactNode;
  name: string;
  mono?: boolean;
}

/** Label/value pairs of a health card, as a description list. */
export function FieldList({ fields, className }: { fields: Field[]; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-2 gap-x-4 gap-y-3 text-sm', className)}>
      {fields.map((field) => (
        <div key={field.name} className="min-w-0" data-field={field.name}>
          <dt className="text-xs text-muted-foreground">{field.label}</dt>
          <dd className={cn('mt-0.5 font-medium tabular-nums', field.mono && 'truncate font-mono text-xs leading-5')}>
            {field.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
