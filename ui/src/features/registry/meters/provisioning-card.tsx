import type { MeterView, ProvisioningState } from '@contracts/devices';
import { RefreshCw } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError } from '@/features/admin/components/form-error';
import { useCan } from '@/features/auth';
import { useProvisionMeter } from '../api/use-meters';
import { formatDateTime } from '../format';

const STATE_LABELS: Record<ProvisioningState, string> = {
  not_configured: 'Not provisioned',
  pending: 'Pending',
  provisioned: 'Provisioned',
  failed: 'Failed',
};

const STATE_VARIANTS: Record<ProvisioningState, 'success' | 'warning' | 'danger' | 'neutral'> = {
  not_configured: 'neutral',
  pending: 'warning',
  provisioned: 'success',
  failed: 'danger',
};

const STATE_HINTS: Record<ProvisioningState, string> = {
  not_configured: 'The device is not in ChirpStack: no ChirpStack is configured, the meter was registered without provisioning, or the device was deleted there.',
  pending: 'The device is being created in ChirpStack.',
  provisioned: 'The device exists in ChirpStack and can join the network.',
  failed: 'ChirpStack refused or did not answer the last attempt.',
};

/** ChirpStack provisioning of a LoRaWAN meter: state, the last error, when, and a retry when it failed or hangs. */
export function ProvisioningCard({ meter }: { meter: MeterView }) {
  const canWrite = useCan('devices:write');
  const retry = useProvisionMeter();
  const p = meter.provisioning;
  if (!p) return null;
  const retryable = canWrite && (p.state === 'failed' || p.state === 'pending') && meter.status !== 'archived';
  return (
    <Card data-testid="provisioning" data-state={p.state}>
      <CardHeader>
        <CardTitle>ChirpStack provisioning</CardTitle>
        <Badge variant={STATE_VARIANTS[p.state]} data-testid="provisioning-state">
          {STATE_LABELS[p.state]}
        </Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-sm text-muted-foreground">
          {STATE_HINTS[p.state]}
          {p.at && <> Last attempt {formatDateTime(p.at)}.</>}
        </p>
        {p.error && (
          <Alert variant="danger" className="font-mono text-xs break-words" data-testid="provisioning-error">
            {p.error}
          </Alert>
        )}
        <FormError error={retry.error} />
        {retryable && (
          <Button variant="outline" disabled={retry.isPending} onClick={() => retry.mutate(meter.id)} data-testid="provisioning-retry">
            <RefreshCw aria-hidden className={retry.isPending ? 'animate-spin' : undefined} /> {retry.isPending ? 'Retrying…' : 'Retry provisioning'}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
