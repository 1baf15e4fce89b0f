import { NavLink } from 'react-router-dom';
import { cn } from '@/lib/utils';

/** Tabs of a section as links (each tab is a URL). */
export function SectionTabs({ label, tabs, testIdPrefix }: { label: string; tabs: readonly { path: string; label: string }[]; testIdPrefix: string }) {
  return (
    <nav aria-label={label} className="mb-5 flex gap-1 border-b border-border">
      {tabs.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          data-testid={`${testIdPrefix}-${tab.path}`}
          className={({ isActive }) =>
            cn('-mb-px border-b-2 px-3 py-2 text-sm font-medium', isActive ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
