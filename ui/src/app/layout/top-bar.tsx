import { Menu, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { UserMenu } from '@/features/auth';
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
        <UserMenu />
      </div>
    </header>
  );
}
