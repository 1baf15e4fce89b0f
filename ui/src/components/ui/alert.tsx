import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

const alertVariants = cva('rounded-md border px-3 py-2 text-sm', {
  variants: {
    variant: {
      danger: 'border-danger/30 bg-danger-soft text-danger-foreground',
      warning: 'border-warning/40 bg-warning-soft text-warning-foreground',
      success: 'border-success/30 bg-success-soft text-success-foreground',
      neutral: 'border-border bg-muted text-foreground',
    },
  },
  defaultVariants: { variant: 'neutral' },
});

export function Alert({ className, variant, ...props }: ComponentProps<'div'> & VariantProps<typeof alertVariants>) {
  return <div role={variant === 'danger' ? 'alert' : 'status'} className={cn(alertVariants({ variant }), className)} {...props} />;
}
