/**
 * Downlink commands, shared by metering (which queues them) and ingest (which reports their outcomes).
 * Command kinds, states and outcomes are wire API (stored, served): add, never rename.
 * Lifecycle (chirpstack.md 1.4, 2.5-2.7): queued -> sent (txack) -> acknowledged (ack true) | failed (ack false,
 * log ERROR e.g. DOWNLINK_PAYLOAD_SIZE) | expired (log EXPIRED, or our own deadline passed).
 */
export const COMMAND_KINDS = ['valve', 'relay', 'reporting_interval', 'time_sync', 'read_config', 'reset_counter'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** A command as it crosses the wire (JSON): times are ISO-8601 strings. */
export type CommandRequest =
  | { type: 'valve'; open: boolean }
  | { type: 'relay'; on: boolean }
  | { type: 'reporting_interval'; seconds: number }
  | { type: 'time_sync'; at: string }
  | { type: 'read_config' }
  | { type: 'reset_counter' };

export const COMMAND_STATES = ['queued', 'sent', 'acknowledged', 'failed', 'expired'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export const TERMINAL_COMMAND_STATES: readonly CommandState[] = ['acknowledged', 'failed', 'expired'];

export function isTerminalCommandState(state: CommandState): boolean {
  return TERMINAL_COMMAND_STATES.includes(state);
}

/** What a ChirpStack event says about a command (ingest's commandUpdate): the queue item id is our command id. */
export type CommandOutcome = 'sent' | 'acknowledged' | 'failed' | 'expired';

export type CommandInput =
  /** An event about the command: txack = sent, ack = acknowledged / failed, log = failed / expired. */
  | { kind: 'outcome'; outcome: CommandOutcome; reason?: string }
  /** The clock: expires the command if our own deadline passed without the outcome it waits for. */
  | { kind: 'deadline' };

/** What the state machine needs to know about a command. */
export interface CommandStatus {
  state: CommandState;
  confirmed: boolean;
  /** Our own deadline (ISO-8601); also sent to ChirpStack as `expiresAt`. */
  expiresAt: string;
}

export interface CommandTransition {
  state: CommandState;
  /** False when the input was a repeat, older than the current state, or arrived in a terminal state. */
  changed: boolean;
  reason?: string;
}

/** Order of progress: an outcome ranked at or below the current state is a repeat or an older, late event. */
const RANK: Readonly<Record<CommandState, number>> = { queued: 0, sent: 1, acknowledged: 2, failed: 2, expired: 2 };

/**
 * The next state of a command. Idempotent (a repeated event changes nothing), ignores out-of-order older outcomes
 * (a txack after the ack), never leaves a terminal state. The deadline expires a command still waiting for the
 * outcome it needs: a txack (any command still queued) or an ack (a confirmed command only sent); an unconfirmed
 * command that was sent is done as far as the network can tell, so the deadline leaves it `sent`.
 */
export function nextState(status: CommandStatus, input: CommandInput, now: Date): CommandTransition {
  const unchanged: CommandTransition = { state: status.state, changed: false };
  if (isTerminalCommandState(status.state)) return unchanged;
  if (input.kind === 'deadline') {
    const deadline = Date.parse(status.expiresAt);
    if (Number.isNaN(deadline) || now.getTime() < deadline) return unchanged;
    if (status.state === 'queued') return { state: 'expired', changed: true, reason: 'no txack before the deadline' };
    if (status.confirmed) return { state: 'expired', changed: true, reason: 'no ack before the deadline' };
    return unchanged;
  }
  if (RANK[input.outcome] <= RANK[status.state]) return unchanged;
  return { state: input.outcome, changed: true, ...(input.reason ? { reason: input.reason } : {}) };
}
