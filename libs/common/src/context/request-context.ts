import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@app/contracts';
import type { Actor } from '@app/contracts';

/** What travels with one unit of work (HTTP request, RPC call, job) across async boundaries. */
export interface RequestContext {
  correlationId: string;
  /** Where the work came from: `http`, `rpc:<caller>`, `job:<queue>`, `mqtt`. */
  origin: string;
  /** The authenticated actor: set by the gateway's guard, restored from the RPC envelope by services. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The actor of the current unit of work, if one was authenticated. */
export function currentActor(): Actor | undefined {
  return storage.getStore()?.actor;
}

/** The current actor, or UNAUTHENTICATED: for work that must know who asks. */
export function requireActor(): Actor {
  const actor = storage.getStore()?.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'No authenticated actor for this request');
  return actor;
}

/** Records the authenticated actor on the current context (the gateway's guard, once per request). */
export function setContextActor(actor: Actor): void {
  const store = storage.getStore();
  if (!store) throw new Error('setContextActor outside a request context');
  store.actor = actor;
}

/** The current correlation id, or a fresh one for work that started outside any context. */
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? newCorrelationId();
}

export function newCorrelationId(): string {
  return randomUUID();
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller-supplied id only if it is short and plain (it ends up in logs and headers). */
export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && SAFE_ID.test(candidate) ? candidate : newCorrelationId();
}
