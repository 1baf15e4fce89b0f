import { LoaderCircle, LogIn } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ProductMark } from '@/app/layout/product-mark';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api-client';
import { ensureSession, signIn } from './session';
import { useSession } from './use-session';

const LAST_TENANT = 'ohes.lastTenant';

/** Only paths inside the console: `next` must never send the user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function messageOf(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 401) return 'Wrong tenant, email or password.';
    if (error.status === 429) return error.message;
    if (error.status === 0) return 'The gateway cannot be reached. Try again in a moment.';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `/login`: tenant, email and password. The tenant is remembered on this device (not a secret). */
export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [tenant, setTenant] = useState(() => localStorage.getItem(LAST_TENANT) ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ensureSession();
  }, []);

  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(tenant.trim(), email.trim(), password);
      localStorage.setItem(LAST_TENANT, tenant.trim());
      void navigate(next, { replace: true });
    } catch (caught) {
      setError(messageOf(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const ended = session.status === 'signed-out' ? session.reason : undefined;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-background px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center gap-3">
          <ProductMark />
          <div className="leading-tight">
            <h1 className="text-lg font-semibold">Sign in to Open HES</h1>
            <p className="text-xs text-muted-foreground">Head-end &amp; MDM console</p>
          </div>
        </div>
        <Card>
          <CardContent className="pt-5">
            <form className="space-y-4" onSubmit={(event) => void submit(event)} data-testid="login-form" noValidate>
              {ended && !error && <Alert variant="warning">{ended}</Alert>}
              {error && (
                <Alert variant="danger" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <div className="space-y-1.5">
                <Label htmlFor="login-tenant">Tenant</Label>
                <Input id="login-tenant" name="tenant" autoComplete="organization" required value={tenant} onChange={(e) => setTenant(e.target.value)} placeholder="e.g. demo" />
              </div>
              <div className="space-y-1.5">
                <Label htmlFor="login-email">Email</Label>
                <Input id="login-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
              </div>
              <div className="space-y-1.5">
                <Label htmlFor="login-password">Password</Label>
                <Input id="login-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              </div>
              <Button type="submit" className="w-full" disabled={busy || !tenant || !email || !password} data-testid="login-submit">
                {busy ? <LoaderCircle aria-hidden className="animate-spin" /> : <LogIn aria-hidden />}
                Sign in
              </Button>
            </form>
          </CardContent>
        </Card>
        <p className="text-center text-xs text-muted-foreground">
          Platform health is public: <a className="font-medium text-primary hover:underline" href="/status">System status</a>
        </p>
      </div>
    </main>
  );
}
