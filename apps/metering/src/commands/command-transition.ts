import { nextState } from '@app/contracts';
import type { CommandEventView, CommandInput, CommandState } from '@app/contracts';

export type CommandSource = CommandEventView['source'];

/** What the state machine and the stamps need of a stored command. */
export interface StoredStatus {
  state: CommandState;
  confirmed: boolean;
  expiresAt: Date;
}

/** Column that records when a command reached a state (queued is `created_at`). */
export type StateStampColumn = 'sent_at' | 'acknowledged_at' | 'failed_at' | 'expired_at';

const STAMP: Readonly<Record<CommandState, StateStampColumn | null>> = {
  queued: null,
  sent: 'sent_at',
  acknowledged: 'acknowledged_at',
  failed: 'failed_at',
  expired: 'expired_at',
};

/** A change to write: the new state, its stamp and the history row. */
export interface PlannedTransition {
  fromState: CommandState;
  toState: CommandState;
  reason: string | null;
  stampColumn: StateStampColumn | null;
  source: CommandSource;
  /** The ChirpStack event's time (outcomes); the state's stamp uses it, else the time of recording. */
  eventAt: Date | null;
}

/**
 * The change an input makes to a stored command, or null when it changes nothing (a repeat, an older outcome
 * after a newer one, anything in a terminal state, a deadline not yet due). Every transition goes through the
 * contracts' `nextState`; this only adds what is stored with it.
 */
export function planTransition(current: StoredStatus, input: CommandInput, source: CommandSource, now: Date, eventAt: Date | null = null): PlannedTransition | null {
  const next = nextState({ state: current.state, confirmed: current.confirmed, expiresAt: current.expiresAt.toISOString() }, input, now);
  if (!next.changed) return null;
  return {
    fromState: current.state,
    toState: next.state,
    reason: next.reason ?? null,
    stampColumn: STAMP[next.state],
    source,
    eventAt,
  };
}
