import { cn } from '@/lib/utils';

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A group of checkboxes over string values (roles, permissions). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  testId,
  className,
}: {
  legend: string;
  options: CheckboxOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  testId: string;
  className?: string;
}) {
  const toggle = (value: T) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <fieldset className={cn('space-y-1.5', className)} data-testid={testId}>
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 rounded-md px-1 py-0.5 text-sm hover:bg-muted" title={option.hint}>
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-primary"
              checked={selected.includes(option.value)}
              onChange={() => toggle(option.value)}
              data-testid={`${testId}-${option.value}`}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
