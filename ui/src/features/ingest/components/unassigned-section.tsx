import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import { PAGE_SIZE } from '../api/use-data-quality-params';
import { useUnassigned } from '../api/use-ingest-stores';
import { formatDateTime } from '../format';
import { LoadError } from '@/components/query-states';

/**
 * Devices that sent uplinks no live meter of exactly one tenant holds (platform administrators only), and the
 * uplinks of the chosen device (or of all). They are decoded and leave this list once the device is registered.
 */
export function UnassignedSection({ device, onSelectDevice }: { device: string; onSelectDevice: (devEui: string) => void }) {
  const summary = useUnassigned({ limit: 1 }, true);
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [device]);
  const uplinks = useUnassigned({ devEui: device || undefined, limit: PAGE_SIZE, cursor: cursors.at(-1) }, true);
  const devices = summary.data?.devices;

  return (
    <Card data-testid="unassigned-section">
      <CardHeader>
        <div>
          <CardTitle>Unassigned devices</CardTitle>
          <CardDescription>Uplinks from devices the registry does not know (unknown, only archived meters, or several tenants).</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {summary.isError && <LoadError error={summary.error} onRetry={() => void summary.refetch()} />}
        <Table data-testid="unassigned-devices">
          <thead>
            <tr>
              <TableHead>Device</TableHead>
              <TableHead className="text-right">Uplinks</TableHead>
              <TableHead>Last seen</TableHead>
            </tr>
          </thead>
          <tbody>
            {devices?.map((d) => (
              <tr
                key={d.devEui}
                data-testid="unassigned-device-row"
                aria-selected={device === d.devEui}
                className={cn('cursor-pointer hover:bg-muted/40', device === d.devEui && 'bg-primary/10')}
                onClick={() => onSelectDevice(device === d.devEui ? '' : d.devEui)}
              >
                <TableCell className="font-mono text-xs">{d.devEui}</TableCell>
                <TableCell className="text-right tabular-nums">{d.uplinks}</TableCell>
                <TableCell className="text-xs">{formatDateTime(d.lastSeen)}</TableCell>
              </tr>
            ))}
            {devices?.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-6 text-center text-sm text-muted-foreground">
                  Every device that sent uplinks is registered.
                </td>
              </tr>
            )}
          </tbody>
        </Table>

        {devices && devices.length > 0 && (
          <div className="space-y-2">
            <div className="flex items-center justify-between gap-2">
              <h4 className="text-sm font-medium">
                Uplinks {device ? <span className="font-mono">of {device}</span> : 'of every device'}
              </h4>
              {device && (
                <Button size="sm" variant="ghost" onClick={() => onSelectDevice('')}>
                  Show all devices
                </Button>
              )}
            </div>
            {uplinks.isError && <LoadError error={uplinks.error} onRetry={() => void uplinks.refetch()} />}
            <Table data-testid="unassigned-uplinks">
              <thead>
                <tr>
                  <TableHead>Time</TableHead>
                  <TableHead>Device</TableHead>
                  <TableHead className="text-right">fCnt</TableHead>
                  <TableHead className="text-right">fPort</TableHead>
                  <TableHead>Payload</TableHead>
                  <TableHead>Why</TableHead>
                </tr>
              </thead>
              <tbody>
                {uplinks.data?.items.map((u) => (
                  <tr key={`${u.devEui}/${u.time}/${u.deduplicationId}`} data-testid="unassigned-uplink-row">
                    <TableCell className="text-xs whitespace-nowrap">{formatDateTime(u.time)}</TableCell>
                    <TableCell className="font-mono text-xs">{u.devEui}</TableCell>
                    <TableCell className="text-right tabular-nums">{u.fCnt}</TableCell>
                    <TableCell className="text-right tabular-nums">{u.fPort}</TableCell>
                    <TableCell className="max-w-xs truncate font-mono text-xs" title={u.payloadHex}>
                      {u.payloadHex || '—'}
                    </TableCell>
                    <TableCell>
                      <Badge variant={u.reason === 'unknown' ? 'neutral' : 'warning'}>{u.reason}</Badge>
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
            <div className="flex justify-end gap-2">
              <Button size="sm" variant="outline" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Previous
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={!uplinks.data?.nextCursor || uplinks.isPlaceholderData}
                onClick={() => uplinks.data?.nextCursor && setCursors((c) => [...c, uplinks.data.nextCursor as string])}
              >
                Next
              </Button>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
