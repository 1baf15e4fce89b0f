/**
 * Every RPC request travels as an envelope: the typed `data` plus metadata that must cross service
 * boundaries (correlation id, caller, deadline). Handlers read `@Payload('data')`.
 */
export interface RpcMeta {
  correlationId: string;
  /** Service (or tool) that sent the request. */
  caller: string;
  /** Epoch milliseconds after which the caller no longer waits. */
  deadline: number;
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
