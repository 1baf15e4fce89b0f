import { SECRET_CHANGED } from '@app/contracts';
import type { FieldDiff, HistoryValue } from '@app/contracts';

/** A plain snapshot of the fields a history row compares (dates as ISO text, numbers as numbers). */
export type Snapshot = Record<string, unknown>;

function toHistoryValue(value: unknown): HistoryValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toHistoryValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toHistoryValue(inner)]));
  }
  return String(value);
}

const same = (a: HistoryValue, b: HistoryValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-level diff between two snapshots (`before` null for a creation, `after` null for a deletion).
 * Fields named in `secrets` are compared but never shown: a changed secret reads "[changed]" on
 * both sides, a set one `{from: null, to: "[changed]"}`.
 */
export function diffFields(before: Snapshot | null, after: Snapshot | null, secrets: readonly string[] = []): FieldDiff {
  const diff: FieldDiff = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    const from = toHistoryValue(before?.[field]);
    const to = toHistoryValue(after?.[field]);
    if (same(from, to)) continue;
    diff[field] = secrets.includes(field)
      ? { from: from === null ? null : SECRET_CHANGED, to: to === null ? null : SECRET_CHANGED }
      : { from, to };
  }
  return diff;
}
