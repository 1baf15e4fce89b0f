import { Building, CircleUserRound, Menu, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { HealthIndicator } from '@/features/status';
import { ProductMark } from './product-mark';

export function TopBar({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav: () => void }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b border-border bg-card/95 px-4 backdrop-blur sm:px-6 lg:px-8">
      <Button
        variant="ghost"
        size="icon"
        className="-ml-2 lg:hidden"
        aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
        aria-expanded={navOpen}
        aria-controls="app-sidebar"
        onClick={onToggleNav}
      >
        {navOpen ? <X aria-hidden /> : <Menu aria-hidden />}
      </Button>
      <div className="flex items-center gap-2 lg:hidden">
        <ProductMark />
        <span className="text-sm font-semibold">Open HES</span>
      </div>

      <div className="ml-auto flex items-center gap-2 sm:gap-3">
        <HealthIndicator />
        <div
          className="hidden items-center gap-2 rounded-md border border-dashed border-border px-2.5 py-1 text-xs text-muted-foreground md:flex"
          title="Tenants arrive with the System issue"
          data-testid="tenant-placeholder"
        >
          <Building aria-hidden className="size-3.5" />
          <span>No tenant selected</span>
        </div>
        <div
          role="group"
          aria-label="Signed-in user"
          className="flex items-center gap-2 rounded-md px-1.5 py-1 text-sm"
          title="Sign-in arrives with the System issue"
          data-testid="user-placeholder"
        >
          <CircleUserRound aria-hidden className="size-7 text-muted-foreground" strokeWidth={1.5} />
          <div className="hidden leading-tight sm:block">
            <p className="text-xs font-medium">Not signed in</p>
            <p className="text-[11px] text-muted-foreground">Login arrives with the System issue</p>
          </div>
        </div>
      </div>
    </header>
  );
}
