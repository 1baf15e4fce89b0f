import type { ServiceHealth } from './health';

/** One request/response pair of a message pattern. */
export interface Rpc<Req, Res> {
  request: Req;
  response: Res;
}

/** A service's contract: pattern -> request/response. */
export type ContractShape = Record<string, Rpc<unknown, unknown>>;

export type RequestOf<C extends ContractShape, P extends keyof C> = C[P]['request'];
export type ResponseOf<C extends ContractShape, P extends keyof C> = C[P]['response'];

/** Every service answers `<service>.health.check`. */
export type HealthCheckRequest = Record<string, never>;
export type HealthRpc = Rpc<HealthCheckRequest, ServiceHealth>;

export function healthPattern<S extends string>(service: S): `${S}.health.check` {
  return `${service}.health.check`;
}
