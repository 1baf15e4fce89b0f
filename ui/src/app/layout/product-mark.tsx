import { Droplets } from 'lucide-react';

export function ProductMark() {
  return (
    <span aria-hidden className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
      <Droplets className="size-4.5" />
    </span>
  );
}
