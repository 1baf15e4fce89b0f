import type { CommandKind, CommandRequest, CommandState } from '@contracts/commands';
import type { CommandView } from '@contracts/metering.contract';
import type { MeterView } from '@contracts/devices';
import { RefreshCw, Send } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { FormError } from '@/features/admin/components/form-error';
import { useCan } from '@/features/auth';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useMeterCommands, useSendCommand } from '../api/use-commands';
import { LoadError, Loading } from '@/components/query-states';
import { formatDateTime, isoOfLocalInput, nowLocalInput } from '../format';

const KIND_LABELS: Record<CommandKind, string> = {
  valve: 'Valve',
  relay: 'Relay',
  reporting_interval: 'Reporting interval',
  time_sync: 'Time sync',
  read_config: 'Read configuration',
  reset_counter: 'Reset counter',
};

const STATE_VARIANTS: Record<CommandState, 'success' | 'warning' | 'danger' | 'neutral' | 'outline'> = {
  queued: 'outline',
  sent: 'warning',
  acknowledged: 'success',
  failed: 'danger',
  expired: 'neutral',
};

/** What a command asked, in a few words. */
function describe(request: CommandRequest): string {
  switch (request.type) {
    case 'valve':
      return request.open ? 'open' : 'close';
    case 'relay':
      return request.on ? 'on' : 'off';
    case 'reporting_interval':
      return `every ${request.seconds} s`;
    case 'time_sync':
      return formatDateTime(request.at);
    default:
      return '';
  }
}

function SendCommandForm({ meter }: { meter: MeterView }) {
  const send = useSendCommand(meter.id);
  const [type, setType] = useState<CommandKind>('read_config');
  const [open, setOpen] = useState('true');
  const [on, setOn] = useState('true');
  const [seconds, setSeconds] = useState('3600');
  const [at, setAt] = useState(nowLocalInput);
  const [confirmed, setConfirmed] = useState(true);
  const [expiresInMinutes, setExpiresInMinutes] = useState('');
  const error = send.error;

  function request(): CommandRequest {
    switch (type) {
      case 'valve':
        return { type, open: open === 'true' };
      case 'relay':
        return { type, on: on === 'true' };
      case 'reporting_interval':
        return { type, seconds: Number(seconds) };
      case 'time_sync':
        return { type, at: isoOfLocalInput(at) };
      default:
        return { type } as CommandRequest;
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = expiresInMinutes.trim();
    send.mutate({ ...request(), confirmed, ...(minutes ? { expiresInSeconds: Math.round(Number(minutes) * 60) } : {}) });
  }

  return (
    <form className="space-y-3 rounded-lg border border-border bg-muted/30 p-4" onSubmit={submit} noValidate data-testid="command-form">
      <FormError error={error} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id="command-type" label="Command" error={fieldError(error, 'type')}>
          <Select id="command-type" value={type} onChange={(e) => setType(e.target.value as CommandKind)} data-testid="command-type" {...invalidProps(error, 'type', 'command-type')}>
            {(Object.keys(KIND_LABELS) as CommandKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </FormField>
        {type === 'valve' && (
          <FormField id="command-open" label="Valve" error={fieldError(error, 'open')}>
            <Select id="command-open" value={open} onChange={(e) => setOpen(e.target.value)} data-testid="command-open">
              <option value="true">Open</option>
              <option value="false">Close</option>
            </Select>
          </FormField>
        )}
        {type === 'relay' && (
          <FormField id="command-on" label="Relay" error={fieldError(error, 'on')}>
            <Select id="command-on" value={on} onChange={(e) => setOn(e.target.value)} data-testid="command-on">
              <option value="true">On</option>
              <option value="false">Off</option>
            </Select>
          </FormField>
        )}
        {type === 'reporting_interval' && (
          <FormField id="command-seconds" label="Interval (seconds)" error={fieldError(error, 'seconds')}>
            <Input id="command-seconds" inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} data-testid="command-seconds" {...invalidProps(error, 'seconds', 'command-seconds')} />
          </FormField>
        )}
        {type === 'time_sync' && (
          <FormField id="command-at" label="Time to set" hint="Your local time" error={fieldError(error, 'at')}>
            <Input id="command-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="command-at" {...invalidProps(error, 'at', 'command-at')} />
          </FormField>
        )}
        <FormField id="command-expires" label="Expires in (minutes)" hint="Empty: the platform's default (24 h)" error={fieldError(error, 'expiresInSeconds')}>
          <Input id="command-expires" inputMode="numeric" value={expiresInMinutes} onChange={(e) => setExpiresInMinutes(e.target.value)} data-testid="command-expires" {...invalidProps(error, 'expiresInSeconds', 'command-expires')} />
        </FormField>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="command-confirmed" /> Ask the device to acknowledge
      </label>
      <Button type="submit" disabled={send.isPending} data-testid="command-send">
        <Send aria-hidden /> {send.isPending ? 'Sending…' : 'Send command'}
      </Button>
    </form>
  );
}

function CommandRow({ command }: { command: CommandView }) {
  return (
    <tr data-testid="command-row" data-id={command.id} data-state={command.state}>
      <TableCell className="whitespace-nowrap">{formatDateTime(command.createdAt)}</TableCell>
      <TableCell>
        {KIND_LABELS[command.kind]} <span className="text-muted-foreground">{describe(command.request)}</span>
      </TableCell>
      <TableCell>
        <Badge variant={STATE_VARIANTS[command.state]} data-testid="command-state">
          {command.state}
        </Badge>
      </TableCell>
      <TableCell className="text-xs text-muted-foreground">{command.reason ?? ''}</TableCell>
      <TableCell className="whitespace-nowrap">{formatDateTime(command.updatedAt)}</TableCell>
      <TableCell className="whitespace-nowrap">{formatDateTime(command.expiresAt)}</TableCell>
    </tr>
  );
}

/**
 * Downlink commands of a LoRaWAN meter: send one (with `commands:send`), and its newest commands with their states
 * (queued until ChirpStack's txack, then acknowledged, failed or expired). Refreshes itself while one is open.
 */
export function CommandsPanel({ meter }: { meter: MeterView }) {
  const canSend = useCan('commands:send');
  const commands = useMeterCommands(meter.id, meter.lorawan !== null);
  if (!meter.lorawan) return null;
  return (
    <Card data-testid="commands">
      <CardHeader>
        <CardTitle>Commands</CardTitle>
        <Button variant="outline" size="sm" disabled={commands.isFetching} onClick={() => void commands.refetch()} data-testid="commands-refresh">
          <RefreshCw aria-hidden className={commands.isFetching ? 'animate-spin' : undefined} /> Refresh
        </Button>
      </CardHeader>
      <CardContent className="space-y-4">
        {canSend && meter.status !== 'archived' && <SendCommandForm meter={meter} />}
        {commands.isPending ? (
          <Loading label="Loading commands…" />
        ) : commands.isError ? (
          <LoadError error={commands.error} onRetry={() => void commands.refetch()} />
        ) : commands.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="commands-empty">
            No commands sent to this meter yet.
          </p>
        ) : (
          <Table data-testid="commands-table">
            <thead>
              <tr>
                <TableHead>Sent</TableHead>
                <TableHead>Command</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Last change</TableHead>
                <TableHead>Expires</TableHead>
              </tr>
            </thead>
            <tbody>
              {commands.data.items.map((c) => (
                <CommandRow key={c.id} command={c} />
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
