import { useQueryClient } from '@tanstack/react-query';
import { Building, CircleUserRound, LogIn, LogOut } from 'lucide-react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, buttonVariants } from '@/components/ui/button';
import { signOut } from '../session';
import { useSession } from '../use-session';

/** Top bar: the signed-in user and tenant with a sign-out button, or a sign-in link. */
export function UserMenu() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (session.status !== 'signed-in') {
    return (
      <Link to="/login" className={buttonVariants({ variant: 'outline', size: 'sm' })} data-testid="sign-in-link">
        <LogIn aria-hidden /> Sign in
      </Link>
    );
  }
  const { me } = session;

  async function logout() {
    await signOut();
    queryClient.clear();
    void navigate('/login', { replace: true });
  }

  return (
    <>
      <div className="hidden items-center gap-2 rounded-md border border-border px-2.5 py-1 text-xs text-muted-foreground md:flex" data-testid="current-tenant" title={`Tenant ${me.tenant.slug}`}>
        <Building aria-hidden className="size-3.5" />
        <span>{me.tenant.name}</span>
      </div>
      <div role="group" aria-label="Signed-in user" className="flex items-center gap-2 rounded-md px-1.5 py-1 text-sm" data-testid="current-user">
        <CircleUserRound aria-hidden className="size-7 text-muted-foreground" strokeWidth={1.5} />
        <div className="hidden leading-tight sm:block">
          <p className="text-xs font-medium">{me.displayName}</p>
          <p className="text-[11px] text-muted-foreground">{me.email ?? me.roles.join(', ')}</p>
        </div>
      </div>
      <Button variant="ghost" size="sm" onClick={() => void logout()} data-testid="sign-out" aria-label="Sign out">
        <LogOut aria-hidden />
        <span className="hidden sm:inline">Sign out</span>
      </Button>
    </>
  );
}
