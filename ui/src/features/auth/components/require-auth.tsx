import { LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ensureSession } from '../session';
import { useSession } from '../use-session';

/** Route guard: pages below it need a session; without one the user goes to /login and comes back after. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  useEffect(() => {
    void ensureSession();
  }, []);

  if (session.status === 'unknown') {
    return (
      <div className="flex items-center gap-2 py-16 text-sm text-muted-foreground" data-testid="session-loading">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Checking your session…
      </div>
    );
  }
  if (session.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
