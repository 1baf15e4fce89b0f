import type { ConsumerView } from '@app/contracts';
import type { ConsumerEntity } from '../database/entities/consumer.entity';
import type { Snapshot } from '../history/history-diff';

export function toConsumerView(consumer: ConsumerEntity): ConsumerView {
  return {
    id: consumer.id,
    kind: consumer.kind,
    accountNumber: consumer.accountNumber,
    name: consumer.name,
    taxId: consumer.taxId,
    registrationNumber: consumer.registrationNumber,
    contactPerson: consumer.contactPerson,
    email: consumer.email,
    phone: consumer.phone,
    postalAddress: consumer.postalAddress,
    status: consumer.status,
    closedAt: consumer.closedAt ? consumer.closedAt.toISOString() : null,
    createdAt: consumer.createdAt.toISOString(),
    updatedAt: consumer.updatedAt.toISOString(),
  };
}

/** The fields of a consumer its history compares (no tenant, no timestamps). */
export function consumerSnapshot(consumer: ConsumerEntity): Snapshot {
  const { tenantId: _tenantId, id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = consumer;
  return fields;
}
