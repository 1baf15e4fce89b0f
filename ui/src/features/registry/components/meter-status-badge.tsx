import type { MeterStatus } from '@contracts/devices';
import { Badge } from '@/components/ui/badge';
import { METER_STATUS_LABELS, METER_STATUS_VARIANTS } from '../format';

export function MeterStatusBadge({ status }: { status: MeterStatus }) {
  return (
    <Badge variant={METER_STATUS_VARIANTS[status]} data-testid="meter-status" data-status={status}>
      {METER_STATUS_LABELS[status]}
    </Badge>
  );
}
