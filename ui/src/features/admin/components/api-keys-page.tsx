import type { CreatedApiKey } from '@contracts/identity';
import { KeyRound, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { useApiKeys, useRevokeApiKey } from '../api/use-api-keys';
import { formatDateTime } from '../format';
import { ApiKeySecret } from './api-key-secret';
import { CreateApiKeyForm } from './create-api-key-form';

/** `/admin/api-keys`: keys of CIS/SCADA/ERP integrations (`Authorization: Bearer` or `X-API-Key`). */
export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <p className="max-w-2xl text-sm text-muted-foreground">
          Integrations send a key as <code className="font-mono text-xs">Authorization: Bearer ohk_…</code> or{' '}
          <code className="font-mono text-xs">X-API-Key: ohk_…</code>. Keys are stored hashed; revoking one stops it at once.
        </p>
        {!creating && (
          <Button onClick={() => setCreating(true)} data-testid="new-api-key-button">
            <KeyRound aria-hidden /> New API key
          </Button>
        )}
      </div>
      {created && <ApiKeySecret created={created} onDismiss={() => setCreated(undefined)} />}
      {creating && (
        <CreateApiKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(key) => {
            setCreated(key);
            setCreating(false);
          }}
        />
      )}
      <Table data-testid="api-keys-table">
        <thead>
          <tr>
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Permissions</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </tr>
        </thead>
        <tbody>
          {keys.data?.map((key) => (
            <tr key={key.id} data-testid={`api-key-row-${key.name}`} data-revoked={key.revokedAt !== null}>
              <TableCell className="font-medium">{key.name}</TableCell>
              <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {key.permissions.map((permission) => (
                    <Badge key={permission} variant="outline">
                      {permission}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">{formatDateTime(key.lastUsedAt)}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{key.expiresAt ? formatDateTime(key.expiresAt) : 'never'}</TableCell>
              <TableCell className="text-right">
                {key.revokedAt ? (
                  <Badge variant="neutral">revoked</Badge>
                ) : (
                  <Button variant="ghost" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate(key.id)} data-testid="revoke-api-key">
                    <Trash2 aria-hidden /> Revoke
                  </Button>
                )}
              </TableCell>
            </tr>
          ))}
          {keys.data?.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-sm text-muted-foreground">
                No API keys yet.
              </td>
            </tr>
          )}
        </tbody>
      </Table>
    </div>
  );
}
