import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '@app/contracts';
import type { NewConsumer } from './consumers.repository';

/** Consumers written and looked up a whole file at a time (import). */
@Injectable()
export class ConsumersBulkRepository {
  /** New (active) consumers, a few thousand a statement (`unnest`), never one statement per row. */
  async insertMany(manager: EntityManager, tenantId: TenantId, consumers: readonly NewConsumer[], batch = 5000): Promise<void> {
    for (let start = 0; start < consumers.length; start += batch) {
      const part = consumers.slice(start, start + batch);
      await manager.query(
        `INSERT INTO "system"."consumers" ("tenant_id", "status", "id", "kind", "account_number", "name", "tax_id", "registration_number", "contact_person", "email", "phone", "postal_address")
         SELECT $1::uuid, 'active', c.* FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) AS c`,
        [
          tenantId,
          part.map((c) => c.id),
          part.map((c) => c.kind),
          part.map((c) => c.accountNumber),
          part.map((c) => c.name),
          part.map((c) => c.taxId),
          part.map((c) => c.registrationNumber),
          part.map((c) => c.contactPerson),
          part.map((c) => c.email),
          part.map((c) => c.phone),
          part.map((c) => c.postalAddress),
        ],
      );
    }
  }

  /** Which of `accountNumbers` the tenant's consumers already use. */
  async takenAccountNumbers(manager: EntityManager, tenantId: TenantId, accountNumbers: readonly string[]): Promise<Set<string>> {
    if (accountNumbers.length === 0) return new Set();
    const rows: { account_number: string }[] = await manager.query(`SELECT "account_number" FROM "system"."consumers" WHERE "tenant_id" = $1 AND "account_number" = ANY($2::text[])`, [tenantId, accountNumbers]);
    return new Set(rows.map((r) => r.account_number));
  }

  /** The status of each of `ids` that is a consumer of the tenant. */
  async statusOf(manager: EntityManager, tenantId: TenantId, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; status: string }[] = await manager.query(`SELECT "id", "status" FROM "system"."consumers" WHERE "tenant_id" = $1 AND "id" = ANY($2::uuid[])`, [tenantId, [...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.status]));
  }
}
