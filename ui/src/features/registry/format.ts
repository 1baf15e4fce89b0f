import type { ConsumerKind } from '@contracts/consumers';
import type { GatewayStatus, MeterStatus, Utility } from '@contracts/devices';
import type { HierarchyKind } from '@contracts/hierarchy';
import type { HistoryAction } from '@contracts/history';

export const UTILITY_LABELS: Record<Utility, string> = { water: 'Water', gas: 'Gas', heat: 'Heat', electricity: 'Electricity' };

export const METER_STATUS_LABELS: Record<MeterStatus, string> = {
  in_stock: 'In stock',
  installed: 'Installed',
  removed: 'Removed',
  replaced: 'Replaced',
  archived: 'Archived',
};

export const METER_STATUS_VARIANTS: Record<MeterStatus, 'success' | 'warning' | 'neutral' | 'outline'> = {
  in_stock: 'outline',
  installed: 'success',
  removed: 'warning',
  replaced: 'neutral',
  archived: 'neutral',
};

export const GATEWAY_STATUS_VARIANTS: Record<GatewayStatus, 'success' | 'warning' | 'neutral'> = { active: 'success', inactive: 'warning', decommissioned: 'neutral' };

export const CONSUMER_KIND_LABELS: Record<ConsumerKind, string> = { residential: 'Residential', non_residential: 'Non-residential' };

export const KIND_LABELS: Record<HierarchyKind, string> = {
  region: 'Region',
  district: 'District',
  locality: 'Locality',
  building: 'Building',
  substation: 'Substation',
  feeder: 'Feeder',
  transformer: 'Transformer',
};

/** Labels of the actions known here; newer actions show their wire name (see actionLabel). */
const ACTION_LABELS: Partial<Record<HistoryAction, string>> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  move: 'Moved',
  install: 'Installed',
  remove: 'Removed',
  archive: 'Archived',
  replace: 'Replaced',
  close: 'Closed',
  attach_meter: 'Meter attached',
  detach_meter: 'Meter detached',
  provision: 'Provisioning',
  deprovision: 'Deprovisioned',
};

export function actionLabel(action: HistoryAction): string {
  return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}

/** An exact decimal as stored ("150.500000") without its trailing fractional zeros ("150.5"). */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** `datetime-local` value of now, in the browser's time zone (the default instant of lifecycle forms). */
export function nowLocalInput(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** ISO instant of a `datetime-local` value, or '' when it is empty or not a date (the API then names the field). */
export function isoOfLocalInput(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
