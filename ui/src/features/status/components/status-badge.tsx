import type { ComponentStatus, HealthReport } from '@contracts/health';
import { CircleCheck, CircleMinus, CircleX, TriangleAlert, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeProps } from '@/components/ui/badge';

type Presentation = { label: string; variant: NonNullable<BadgeProps['variant']>; icon: LucideIcon };

export const COMPONENT_STATUS: Record<ComponentStatus, Presentation> = {
  up: { label: 'Up', variant: 'success', icon: CircleCheck },
  degraded: { label: 'Degraded', variant: 'warning', icon: TriangleAlert },
  down: { label: 'Down', variant: 'danger', icon: CircleX },
  disabled: { label: 'Disabled', variant: 'neutral', icon: CircleMinus },
};

export const OVERALL_STATUS: Record<
  HealthReport['status'],
  Presentation & { headline: string; variant: 'success' | 'warning' | 'danger' }
> = {
  ok: { label: 'Operational', variant: 'success', icon: CircleCheck, headline: 'All systems operational' },
  degraded: { label: 'Degraded', variant: 'warning', icon: TriangleAlert, headline: 'Partially degraded' },
  down: { label: 'Outage', variant: 'danger', icon: CircleX, headline: 'A required component is down' },
};

/** Unknown statuses (a newer gateway) render neutrally instead of crashing the page. */
export function presentStatus(status: string): Presentation {
  return COMPONENT_STATUS[status as ComponentStatus] ?? { label: status, variant: 'neutral', icon: CircleMinus };
}

export function StatusBadge({ status }: { status: string }) {
  const { label, variant, icon: Icon } = presentStatus(status);
  return (
    <Badge variant={variant} data-testid="status-badge">
      <Icon aria-hidden className="size-3.5" />
      {label}
    </Badge>
  );
}
