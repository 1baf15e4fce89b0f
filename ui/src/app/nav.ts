import {
  Activity,
  ChartColumn,
  FileText,
  FileWarning,
  Gauge,
  HeartPulse,
  LayoutDashboard,
  Network,
  RadioTower,
  Receipt,
  Send,
  ShieldCheck,
  Users,
  type LucideIcon,
} from 'lucide-react';

/**
 * The console's sections, in sidebar order. `arrivesWith` names the issue that builds a section not yet built;
 * its route shows a placeholder saying so (never a fake screen). Remove it when the section ships.
 */
export interface NavSection {
  path: string;
  label: string;
  icon: LucideIcon;
  summary: string;
  arrivesWith?: string;
  group: 'operations' | 'insight' | 'platform';
}

export const NAV_GROUP_LABELS: Record<NavSection['group'], string> = {
  operations: 'Operations',
  insight: 'Insight',
  platform: 'Platform',
};

export const NAV_SECTIONS: readonly NavSection[] = [
  {
    path: '/',
    label: 'Dashboard',
    icon: LayoutDashboard,
    group: 'operations',
    summary: 'Fleet overview: meters reporting, open alarms, VEE exceptions and command backlog at a glance.',
    arrivesWith: 'the Analytics issue',
  },
  {
    path: '/devices',
    label: 'Devices',
    icon: RadioTower,
    group: 'operations',
    summary: 'Gateways, concentrators and pulse modules: registry, lifecycle (install, replace, archive) and link status.',
  },
  {
    path: '/meters',
    label: 'Meters',
    icon: Gauge,
    group: 'operations',
    summary: 'Water, gas, heat and electricity meters with their service points, consumers and change history.',
  },
  {
    path: '/hierarchy',
    label: 'Hierarchy',
    icon: Network,
    group: 'operations',
    summary: 'Territory (region, district, locality, building) and network (substation, feeder, transformer) trees.',
  },
  {
    path: '/consumers',
    label: 'Consumers',
    icon: Users,
    group: 'operations',
    summary: 'Households and businesses supplied, their service points and the meters serving them.',
  },
  {
    path: '/readings',
    label: 'Readings',
    icon: Activity,
    group: 'operations',
    summary: 'Raw and validated interval data, VEE exceptions with quality flags, imports and exports.',
    arrivesWith: 'the Metering issue',
  },
  {
    path: '/commands',
    label: 'Commands',
    icon: Send,
    group: 'operations',
    summary: 'Downlinks to devices (valve, time sync, configuration) and their lifecycle from queued to acknowledged.',
    arrivesWith: 'the Metering issue',
  },
  {
    path: '/billing',
    label: 'Billing',
    icon: Receipt,
    group: 'insight',
    summary: 'Tariffs and their versions, billing accounts, billing runs, invoices, credit notes and payments.',
    arrivesWith: 'the Billing issue',
  },
  {
    path: '/analytics',
    label: 'Analytics',
    icon: ChartColumn,
    group: 'insight',
    summary: 'Aggregates by hierarchy, anomalies (leak, theft, tamper, reverse flow), balance and loss analysis, forecasts.',
    arrivesWith: 'the Analytics issue',
  },
  {
    path: '/reports',
    label: 'Reports',
    icon: FileText,
    group: 'insight',
    summary: 'Report templates, schedules and delivery.',
    arrivesWith: 'the Analytics issue',
  },
  {
    path: '/admin',
    label: 'Administration',
    icon: ShieldCheck,
    group: 'platform',
    summary: 'Users of your tenant, roles and their permissions, API keys of connected systems, sign-in events, tenants.',
  },
  {
    path: '/data-quality',
    label: 'Data quality',
    icon: FileWarning,
    group: 'platform',
    summary: 'Messages the ingest pipeline could not use (dead letters) and uplinks of devices nobody registered.',
  },
  {
    path: '/status',
    label: 'System status',
    icon: HeartPulse,
    group: 'platform',
    summary: 'Health of every service and data store, refreshed every 5 seconds.',
  },
];
