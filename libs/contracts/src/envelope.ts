import type { Actor } from './access';

/**
 * Every RPC request travels as an envelope: the typed `data` plus metadata that must cross service
 * boundaries (correlation id, caller, deadline, the authenticated actor). Handlers read `@Payload('data')`.
 */
export interface RpcMeta {
  correlationId: string;
  /** Service (or tool) that sent the request. */
  caller: string;
  /** Epoch milliseconds after which the caller no longer waits. */
  deadline: number;
  /** Unique per call: lets exactly one instance of a service run a write (see `@Exclusive()`). */
  requestId?: string;
  /** Who asks, as verified by the gateway; absent for work no user or key started (tools, health). */
  actor?: Actor;
}

export interface RpcEnvelope<T> {
  meta: RpcMeta;
  data: T;
}

/** Jobs carry the same metadata so a log line of a worker links back to the HTTP request. */
export interface JobMeta {
  correlationId: string;
  enqueuedBy: string;
}
