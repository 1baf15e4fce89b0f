import type { CreatedApiKey } from '@contracts/identity';
import { Copy, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The new key, shown once: it is stored only as a hash and can never be shown again. */
export function ApiKeySecret({ created, onDismiss }: { created: CreatedApiKey; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(created.key).catch(() => undefined);
    setCopied(true);
  }
  return (
    <Alert variant="success" className="space-y-2" data-testid="api-key-created">
      <p className="flex items-center gap-2 font-medium">
        <KeyRound aria-hidden className="size-4" /> API key “{created.name}” created. Copy it now: it will not be shown again.
      </p>
      <code className="block rounded bg-card px-2 py-1.5 font-mono text-xs break-all text-foreground" data-testid="api-key-secret">
        {created.key}
      </code>
      <div className="flex gap-2">
        <Button size="sm" variant="outline" onClick={() => void copy()}>
          <Copy aria-hidden /> {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDismiss} data-testid="api-key-dismiss">
          I have stored it
        </Button>
      </div>
    </Alert>
  );
}
