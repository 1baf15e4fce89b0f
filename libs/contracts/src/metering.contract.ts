/**
 * Metering service contract. Pattern names are public wire API: `metering.<entity>.<verb>`.
 * Add and deprecate; never rename in place.
 */
import type { CommandKind, CommandRequest, CommandState } from './commands';
import type { HealthRpc, Rpc } from './contract';
import type { IdRequest } from './identity';

export const MeteringPatterns = {
  health: 'metering.health.check',
  jobRoundTrip: 'metering.diagnostics.job-roundtrip',
  /** Queue a downlink command for a meter: encoded with its codec, published as ChirpStack `command/down`. */
  commandCreate: 'metering.command.create',
  /** A meter's commands, newest first (keyset paging). */
  commandList: 'metering.command.list',
  /** One command with its state history. */
  commandGet: 'metering.command.get',
} as const;

export interface JobRoundTripRequest {
  timeoutMs?: number;
}

/** Outcome of a job sent through the maintenance queue and run by a metering worker. */
export interface JobRoundTripResult {
  queue: string;
  jobId: string;
  /** Correlation id stamped on the job when it was enqueued. */
  correlationId: string;
  /** Correlation id the worker saw in its context while running the job. */
  workerCorrelationId: string;
  workerInstance: string;
  latencyMs: number;
}

// ---- downlink commands ----------------------------------------------------------------------------------

/** Bounds of a command's own deadline (`expiresInSeconds`): at least a minute, at most 30 days. */
export const COMMAND_EXPIRY_BOUNDS = { minSeconds: 60, maxSeconds: 30 * 24 * 3600 } as const;

/** Options of a command, next to its `{type, ...}` fields (the HTTP body has the same shape without `meterId`). */
export interface CommandOptions {
  /** Ask the device to acknowledge (default: the codec's choice, else true: `acknowledged` needs it). */
  confirmed?: boolean;
  /** Our deadline, also sent to ChirpStack as `expiresAt` (default METERING_COMMAND_TTL_SECONDS). */
  expiresInSeconds?: number;
}

export type CreateCommandRequest = CommandRequest & CommandOptions & { meterId: string };

/** Who asked for a command. */
export interface CommandActor {
  kind: 'user' | 'api_key' | 'system';
  id: string | null;
}

/** A transition of a command, in the order they happened. */
export interface CommandEventView {
  /** null for the creation. */
  fromState: CommandState | null;
  toState: CommandState;
  /** What caused it: the API (creation), the MQTT publish, a ChirpStack outcome, our own deadline. */
  source: 'api' | 'publish' | 'outcome' | 'deadline';
  reason: string | null;
  /** When metering recorded it. */
  at: string;
  /** The ChirpStack event's time, for outcomes. */
  eventAt: string | null;
}

export interface CommandView {
  /** Also ChirpStack's queue item id (`queueItemId` of txack, ack and log events). */
  id: string;
  meterId: string;
  devEui: string;
  applicationId: string;
  kind: CommandKind;
  request: CommandRequest;
  fPort: number;
  /** The encoded downlink payload, lower-case hex. */
  payloadHex: string;
  confirmed: boolean;
  state: CommandState;
  /** Why it failed or expired (or the last outcome's reason). */
  reason: string | null;
  expiresAt: string;
  createdBy: CommandActor;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  failedAt: string | null;
  expiredAt: string | null;
  /** Only in `metering.command.get`. */
  events?: CommandEventView[];
}

export interface ListCommandsRequest {
  meterId: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** 1..200, default 50. */
  limit?: number;
}

export interface CommandPage {
  items: CommandView[];
  nextCursor: string | null;
}

export type MeteringContract = {
  'metering.health.check': HealthRpc;
  'metering.diagnostics.job-roundtrip': Rpc<JobRoundTripRequest, JobRoundTripResult>;
  'metering.command.create': Rpc<CreateCommandRequest, CommandView>;
  'metering.command.list': Rpc<ListCommandsRequest, CommandPage>;
  'metering.command.get': Rpc<IdRequest, CommandView>;
};
