/**
 * Change history of registry components: who changed what, when, from where, field by field.
 * Entity types and actions are public wire API (stored in `system.change_history`): add, never rename.
 */
export const HISTORY_ENTITY_TYPES = ['hierarchy_node', 'gateway', 'meter', 'pulse_module', 'consumer', 'service_point'] as const;
export type HistoryEntityType = (typeof HISTORY_ENTITY_TYPES)[number];

export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'move', 'install', 'remove', 'archive', 'replace', 'close', 'attach_meter', 'detach_meter', 'provision', 'deprovision'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Who made a change: a user, an API key, or the platform itself (jobs, imports). */
export const HISTORY_ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type HistoryActorKind = (typeof HISTORY_ACTOR_KINDS)[number];

/** Shown instead of a secret's value in a diff: the change is recorded, never the key. */
export const SECRET_CHANGED = '[changed]';

export type HistoryValue = string | number | boolean | null | HistoryValue[] | { [key: string]: HistoryValue };

/** `{field: {from, to}}`; a created entity has `from: null`, a deleted one `to: null`. */
export type FieldDiff = Record<string, { from: HistoryValue; to: HistoryValue }>;

export interface HistoryEntryView {
  id: string;
  entityType: HistoryEntityType;
  entityId: string;
  action: HistoryAction;
  actorKind: HistoryActorKind;
  actorId: string | null;
  ip: string | null;
  changes: FieldDiff;
  at: string;
}

export interface ListHistoryRequest {
  entityType?: HistoryEntityType;
  entityId?: string;
  /** Entries older than this entry's position (the `nextCursor` of the previous page). */
  cursor?: string;
  limit?: number;
}

/**
 * The history of one entity the actor may see (`system.history.entity`): NOT_FOUND when it is not
 * theirs (another tenant's, or for a consumer user anything but their own consumer, service points and
 * meters). Consumer users see other actors' ids and addresses redacted (null).
 */
export interface EntityHistoryRequest {
  entityType: 'consumer' | 'service_point' | 'meter';
  entityId: string;
  cursor?: string;
  limit?: number;
}

export interface HistoryPage {
  items: HistoryEntryView[];
  nextCursor: string | null;
}
