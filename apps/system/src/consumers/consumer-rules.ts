import { CONSUMER_KINDS, ConsumerFormats, DomainError } from '@app/contracts';
import type { ConsumerKind, CreateConsumerRequest, FieldError, UpdateConsumerRequest } from '@app/contracts';

/** The stored fields of a consumer, normalised (trimmed, empty text as null, e-mail lower-case). */
export interface ConsumerFields {
  kind: ConsumerKind;
  accountNumber: string;
  name: string;
  taxId: string | null;
  registrationNumber: string | null;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

export type ConsumerFieldsPatch = Partial<Omit<ConsumerFields, 'kind' | 'accountNumber'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LIMITS = { name: 200, taxId: 40, registrationNumber: 40, contactPerson: 200, email: 254, phone: 30, postalAddress: 500 } as const;
type TextField = keyof typeof LIMITS;

/** Trimmed text, or null for absent/empty. */
export const cleanText = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

class Collector {
  readonly errors: FieldError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  text(field: TextField, value: string | null | undefined, required = false): string | null {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.add(field, 'must be text');
      return null;
    }
    const clean = cleanText(value);
    if (clean === null && required) this.add(field, 'is required');
    else if (clean !== null && clean.length > LIMITS[field]) this.add(field, `must be at most ${LIMITS[field]} characters`);
    return clean;
  }
  contact(fields: { email: string | null; phone: string | null }): void {
    if (fields.email !== null && !EMAIL.test(fields.email)) this.add('email', 'must be an e-mail address');
    if (fields.phone !== null && !ConsumerFormats.phone.test(fields.phone)) this.add('phone', 'must be a phone number (digits, spaces, + ( ) -)');
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${this.errors.map((e) => e.field).join(', ')}`, this.errors);
  }
}

function assertCompanyFields(kind: ConsumerKind, fields: Pick<ConsumerFields, 'taxId' | 'registrationNumber'>, errors: Collector): void {
  if (kind === 'non_residential' && fields.taxId === null) errors.add('taxId', 'is required for a non-residential consumer');
  if (kind === 'residential') {
    if (fields.taxId !== null) errors.add('taxId', 'is for non-residential consumers only');
    if (fields.registrationNumber !== null) errors.add('registrationNumber', 'is for non-residential consumers only');
  }
}

/**
 * Validates and normalises a new consumer (the API, the bulk import and the seed use this one rule):
 * VALIDATION_FAILED naming every offending field, or the fields to store.
 */
export function validateNewConsumer(request: CreateConsumerRequest): ConsumerFields {
  const errors = new Collector();
  const kind = request.kind;
  if (!(CONSUMER_KINDS as readonly string[]).includes(kind)) errors.add('kind', `must be one of ${CONSUMER_KINDS.join(', ')}`);
  const accountNumber = typeof request.accountNumber === 'string' ? request.accountNumber.trim() : '';
  if (!ConsumerFormats.code.test(accountNumber)) errors.add('accountNumber', 'must be 1-40 letters, digits or . _ / - (no spaces)');
  const fields: ConsumerFields = {
    kind,
    accountNumber,
    name: errors.text('name', request.name, true) ?? '',
    taxId: errors.text('taxId', request.taxId),
    registrationNumber: errors.text('registrationNumber', request.registrationNumber),
    contactPerson: errors.text('contactPerson', request.contactPerson),
    email: errors.text('email', request.email)?.toLowerCase() ?? null,
    phone: errors.text('phone', request.phone),
    postalAddress: errors.text('postalAddress', request.postalAddress),
  };
  errors.contact(fields);
  if ((CONSUMER_KINDS as readonly string[]).includes(kind)) assertCompanyFields(kind, fields, errors);
  errors.throwIfAny();
  return fields;
}

/** Validates and normalises a change of `current` (a consumer of `kind`): the patch of changed fields. */
export function validateConsumerPatch(kind: ConsumerKind, current: Omit<ConsumerFields, 'kind' | 'accountNumber'>, request: Omit<UpdateConsumerRequest, 'id'>): ConsumerFieldsPatch {
  const errors = new Collector();
  const patch: ConsumerFieldsPatch = {};
  if (request.name !== undefined) patch.name = errors.text('name', request.name, true) ?? '';
  for (const field of ['taxId', 'registrationNumber', 'contactPerson', 'email', 'phone', 'postalAddress'] as const) {
    if (request[field] !== undefined) patch[field] = errors.text(field, request[field]);
  }
  if (patch.email) patch.email = patch.email.toLowerCase();
  const after = { ...current, ...patch };
  errors.contact(after);
  assertCompanyFields(kind, after, errors);
  errors.throwIfAny();
  return patch;
}
