import { NavLink } from 'react-router-dom';
import { cn } from '@/lib/utils';
import { NAV_GROUP_LABELS, NAV_SECTIONS, type NavSection } from '../nav';
import { ProductMark } from './product-mark';

const GROUPS = Object.keys(NAV_GROUP_LABELS) as NavSection['group'][];

export function Sidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <>
      <div
        aria-hidden
        onClick={onClose}
        className={cn('fixed inset-0 z-30 bg-foreground/40 backdrop-blur-[1px] lg:hidden', open ? 'block' : 'hidden')}
      />
      <aside
        id="app-sidebar"
        className={cn(
          'fixed inset-y-0 left-0 z-40 flex w-64 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground transition-transform duration-200 lg:translate-x-0',
          open ? 'translate-x-0' : '-translate-x-full',
        )}
      >
        <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-sidebar-border px-5">
          <ProductMark />
          <div className="leading-tight">
            <p className="text-sm font-semibold text-sidebar-accent-foreground">Open HES</p>
            <p className="text-[11px] text-sidebar-muted">Head-end &amp; MDM console</p>
          </div>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
          {GROUPS.map((group) => (
            <div key={group} className="mb-5 last:mb-0">
              <p className="px-2 pb-1.5 text-[11px] font-medium tracking-wider text-sidebar-muted uppercase">
                {NAV_GROUP_LABELS[group]}
              </p>
              <ul className="space-y-0.5">
                {NAV_SECTIONS.filter((section) => section.group === group).map((section) => (
                  <li key={section.path}>
                    <SidebarLink section={section} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="shrink-0 border-t border-sidebar-border px-5 py-3 text-[11px] text-sidebar-muted">
          Water · Gas · Heat · Electricity
        </div>
      </aside>
    </>
  );
}

function SidebarLink({ section }: { section: NavSection }) {
  const Icon = section.icon;
  return (
    <NavLink
      to={section.path}
      end={section.path === '/'}
      data-testid={`nav-${section.path === '/' ? 'dashboard' : section.path.slice(1)}`}
      className={({ isActive }) =>
        cn(
          'group flex items-center gap-3 rounded-md px-2 py-1.5 text-sm font-medium transition-colors',
          isActive
            ? 'bg-sidebar-accent text-sidebar-accent-foreground'
            : 'text-sidebar-foreground hover:bg-sidebar-accent/60 hover:text-sidebar-accent-foreground',
        )
      }
    >
      {({ isActive }) => (
        <>
          <Icon
            aria-hidden
            className={cn('size-4 shrink-0', isActive ? 'text-sidebar-primary' : 'text-sidebar-muted group-hover:text-sidebar-foreground')}
          />
          <span className="flex-1 truncate">{section.label}</span>
          {section.arrivesWith && (
            <span className="text-[10px] font-normal text-sidebar-muted" title={`Arrives with ${section.arrivesWith}`}>
              soon
            </span>
          )}
        </>
      )}
    </NavLink>
  );
}
