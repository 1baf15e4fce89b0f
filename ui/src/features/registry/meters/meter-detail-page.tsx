import type { MeterView } from '@contracts/devices';
import { Archive, ArrowLeft, ArrowRightLeft, LogIn, LogOut, Pencil } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { isApiError } from '@/lib/api-client';
import { useNodeIndex } from '../api/use-hierarchy';
import { useMeter } from '../api/use-meters';
import { DetailList } from '../components/detail-list';
import { HistoryList } from '../components/history-list';
import { PermissionGate } from '../components/permission-gate';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { LoadError, Loading } from '@/components/query-states';
import { UTILITY_LABELS, formatDateTime, formatDecimal } from '../format';
import { EditMeterForm } from './edit-meter-form';
import { CommandsPanel } from './commands-panel';
import { ProvisioningCard } from './provisioning-card';
import { ArchiveForm, InstallForm, RemoveForm, ReplaceForm, actionsFor, type LifecycleAction } from './lifecycle-forms';

const ACTION_BUTTONS: Record<LifecycleAction, { label: string; icon: typeof LogIn }> = {
  install: { label: 'Install', icon: LogIn },
  remove: { label: 'Remove', icon: LogOut },
  replace: { label: 'Replace', icon: ArrowRightLeft },
  archive: { label: 'Archive', icon: Archive },
};

const setOrNot = (set: boolean) => (set ? 'set' : 'not set');

function MeterLink({ id, label }: { id: string | null; label: string }) {
  const meter = useMeter(id ?? '', id !== null);
  if (!id) return <>—</>;
  return (
    <Link to={`/meters/${id}`} className="font-mono text-primary underline-offset-4 hover:underline" data-testid={`link-${label}`}>
      {meter.data?.serial ?? `${label} meter`}
    </Link>
  );
}

function MeterFields({ meter }: { meter: MeterView }) {
  const nodes = useNodeIndex();
  const node = meter.nodeId ? nodes.get(meter.nodeId) : undefined;
  return (
    <DetailList
      testId="meter-fields"
      items={[
        ['Serial', <span className="font-mono">{meter.serial}</span>],
        ['Utility', UTILITY_LABELS[meter.utility]],
        ['Vendor', meter.vendor],
        ['Model', meter.model ?? '—'],
        ['Codec', meter.codecId ?? '—'],
        ['Multiplier', <span className="font-mono">{formatDecimal(meter.multiplier)}</span>],
        ['Register unit', meter.registerUnit ?? '—'],
        ['Node', meter.nodeId ? <Link to={`/hierarchy?node=${meter.nodeId}`} className="text-primary underline-offset-4 hover:underline">{node?.name ?? meter.nodeId}</Link> : '—'],
        ['Status', <MeterStatusBadge status={meter.status} />],
        ['Installed at', formatDateTime(meter.installedAt)],
        ['Initial index', formatDecimal(meter.installIndex)],
        ['Removed at', formatDateTime(meter.removedAt)],
        ['Final index', formatDecimal(meter.finalIndex)],
        ['Replaces', <MeterLink id={meter.replacesId} label="previous" />],
        ['Replaced by', <MeterLink id={meter.replacedById} label="next" />],
        ['LoRaWAN DevEUI', meter.lorawan ? <span className="font-mono">{meter.lorawan.devEui}</span> : '—'],
        ['LoRaWAN JoinEUI', meter.lorawan?.joinEui ? <span className="font-mono">{meter.lorawan.joinEui}</span> : '—'],
        ['LoRaWAN AppKey', meter.lorawan ? setOrNot(meter.lorawan.hasAppKey) : '—'],
        ['wM-Bus manufacturer / id', meter.wmbus ? <span className="font-mono">{`${meter.wmbus.manufacturer} ${meter.wmbus.id}`}</span> : '—'],
        ['wM-Bus AES key', meter.wmbus ? setOrNot(meter.wmbus.hasAesKey) : '—'],
        ['Registered', formatDateTime(meter.createdAt)],
        ['Last changed', formatDateTime(meter.updatedAt)],
      ]}
    />
  );
}

/** `/meters/:id`: every field (keys only as set / not set), the lifecycle actions its status allows, and its history. */
export function MeterDetailPage() {
  const { id = '' } = useParams();
  return (
    <PermissionGate permission="devices:read" what="meters">
      <MeterDetail key={id} id={id} />
    </PermissionGate>
  );
}

function MeterDetail({ id }: { id: string }) {
  const meter = useMeter(id);
  const canWrite = useCan('devices:write');
  const [action, setAction] = useState<LifecycleAction | 'edit'>();
  const navigate = useNavigate();
  const done = () => setAction(undefined);

  if (meter.isPending) return <Loading label="Loading meter…" />;
  if (meter.isError) {
    if (isApiError(meter.error) && meter.error.status === 404) {
      return (
        <div className="space-y-3" data-testid="meter-not-found">
          <PageHeader title="Meter not found" description="No meter of your tenant has this id." />
          <Link to="/meters" className="text-sm text-primary hover:underline">
            Back to meters
          </Link>
        </div>
      );
    }
    return <LoadError error={meter.error} onRetry={() => void meter.refetch()} />;
  }
  const m = meter.data;
  const actions = canWrite ? actionsFor(m.status) : [];

  return (
    <div className="space-y-5" data-testid="meter-detail" data-status={m.status}>
      <Link to="/meters" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> Meters
      </Link>
      <PageHeader
        title={`Meter ${m.serial}`}
        description={`${UTILITY_LABELS[m.utility]} meter · ${m.vendor}${m.model ? ` ${m.model}` : ''}`}
        actions={
          canWrite && (
            <>
              {m.status !== 'archived' && (
                <Button variant="outline" onClick={() => setAction('edit')} aria-pressed={action === 'edit'} data-testid="meter-action-edit">
                  <Pencil aria-hidden /> Edit
                </Button>
              )}
              {actions.map((a) => {
                const { label, icon: Icon } = ACTION_BUTTONS[a];
                return (
                  <Button key={a} variant={a === 'archive' ? 'outline' : 'default'} onClick={() => setAction(a)} aria-pressed={action === a} data-testid={`meter-action-${a}`}>
                    <Icon aria-hidden /> {label}
                  </Button>
                );
              })}
            </>
          )
        }
      />
      {action === 'edit' && <EditMeterForm meter={m} onDone={done} />}
      {action === 'install' && <InstallForm meter={m} onDone={done} />}
      {action === 'remove' && <RemoveForm meter={m} onDone={done} />}
      {action === 'archive' && <ArchiveForm meter={m} onDone={done} />}
      {action === 'replace' && (
        <ReplaceForm
          meter={m}
          onDone={(newId) => {
            done();
            if (newId) void navigate(`/meters/${newId}`);
          }}
        />
      )}
      <Card>
        <CardHeader>
          <CardTitle>Meter</CardTitle>
          <MeterStatusBadge status={m.status} />
        </CardHeader>
        <CardContent>
          <MeterFields meter={m} />
        </CardContent>
      </Card>
      <ProvisioningCard meter={m} />
      <CommandsPanel meter={m} />
      <HistoryList key={m.id} entityType="meter" entityId={m.id} />
    </div>
  );
}
