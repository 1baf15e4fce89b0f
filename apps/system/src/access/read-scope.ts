import type { SelectQueryBuilder } from 'typeorm';
import { requireActor } from '@app/common';
import { DomainError, asTenantId } from '@app/contracts';
import type { Actor, Permission, TenantId } from '@app/contracts';

/** Matches no consumer: a `self:read` actor without a consumer link sees nothing. */
export const NO_CONSUMER = '00000000-0000-0000-0000-000000000000';

/**
 * What a read may return: rows of `tenantId`, and when `consumerId` is set only those of that one
 * consumer (a consumer user in the cabinet). Every consumer-facing repository query goes through
 * `scoped`, so "not yours" and "another tenant's" are the same empty answer (NOT_FOUND).
 */
export interface ReadScope {
  tenantId: TenantId;
  /** null: the whole tenant (an operator); otherwise the one consumer whose rows are visible. */
  consumerId: string | null;
  /** Who reads (for redacting other actors in the history a consumer sees). */
  actorId: string | null;
}

/** The whole tenant, for writes and for the platform's own work (imports, seeds). */
export const tenantScope = (tenantId: TenantId): ReadScope => ({ tenantId, consumerId: null, actorId: null });

/** The scope of `actor`: the whole tenant with `operatorPermission`, otherwise their own data with `self:read`. */
export function readScopeOf(actor: Actor, operatorPermission: Permission): ReadScope {
  const tenantId = asTenantId(actor.tenantId);
  if (actor.permissions.includes(operatorPermission)) return { tenantId, consumerId: null, actorId: actor.id };
  if (actor.permissions.includes('self:read')) return { tenantId, consumerId: actor.consumerId ?? NO_CONSUMER, actorId: actor.id };
  throw new DomainError('FORBIDDEN', `Missing permission: ${operatorPermission}`);
}

/** The read scope of the current RPC request's actor. */
export const readScope = (operatorPermission: Permission): ReadScope => readScopeOf(requireActor(), operatorPermission);

/** Tables whose rows a read scope filters. */
export type ScopedTable = 'consumer' | 'service_point' | 'meter' | 'service_point_meter';

/** Rows of the consumer's service points (ids), as SQL over the scope's parameters. */
const OWN_POINTS = `SELECT "sp"."id" FROM "system"."service_points" "sp" WHERE "sp"."tenant_id" = :scopeTenantId AND "sp"."consumer_id" = :scopeConsumerId`;

const OWNERSHIP: Record<ScopedTable, (alias: string) => string> = {
  consumer: (a) => `${a}.id = :scopeConsumerId`,
  service_point: (a) => `${a}.consumer_id = :scopeConsumerId`,
  service_point_meter: (a) => `${a}.service_point_id IN (${OWN_POINTS})`,
  meter: (a) =>
    `${a}.id IN (SELECT "spm"."meter_id" FROM "system"."service_point_meters" "spm" WHERE "spm"."tenant_id" = :scopeTenantId AND "spm"."service_point_id" IN (${OWN_POINTS}))`,
};

/**
 * The one scoping helper: restricts `query` (rows of `table` under `alias`) to the scope's tenant,
 * and for a consumer to their own rows: their consumer record, their service points, the links of
 * those points, and every meter ever linked to one of them.
 */
export function scoped<T extends object>(query: SelectQueryBuilder<T>, alias: string, table: ScopedTable, scope: ReadScope): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.tenant_id = :scopeTenantId`, { scopeTenantId: scope.tenantId });
  if (scope.consumerId !== null) query.andWhere(OWNERSHIP[table](alias), { scopeConsumerId: scope.consumerId });
  return query;
}
