import { ConsumerFormats, DomainError, UTILITIES } from '@app/contracts';
import type { CreateServicePointRequest, FieldError, UpdateServicePointRequest, Utility } from '@app/contracts';
import { cleanText } from '../consumers/consumer-rules';

/** The stored fields of a service point, normalised (trimmed, empty text as null). */
export interface ServicePointFields {
  code: string;
  utility: Utility;
  consumerId: string | null;
  nodeId: string | null;
  address: string | null;
  description: string | null;
}

export type ServicePointFieldsPatch = Partial<Omit<ServicePointFields, 'code' | 'utility'>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_LIMIT = 500;

function text(errors: FieldError[], field: 'address' | 'description', value: string | null | undefined): string | null {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.push({ field, message: 'must be text' });
    return null;
  }
  const clean = cleanText(value);
  if (clean !== null && clean.length > TEXT_LIMIT) errors.push({ field, message: `must be at most ${TEXT_LIMIT} characters` });
  return clean;
}

function reference(errors: FieldError[], field: 'consumerId' | 'nodeId', value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !UUID.test(value)) {
    errors.push({ field, message: 'must be a UUID' });
    return null;
  }
  return value.toLowerCase();
}

const refuse = (errors: FieldError[]): never => {
  throw new DomainError('VALIDATION_FAILED', `Invalid request: ${errors.map((e) => e.field).join(', ')}`, errors);
};

/**
 * Validates and normalises a new service point (the API, the bulk import and the seed use this one
 * rule): VALIDATION_FAILED naming every offending field, or the fields to store. Whether the consumer
 * and the node exist is the service's check (it needs the tenant).
 */
export function validateNewServicePoint(request: CreateServicePointRequest): ServicePointFields {
  const errors: FieldError[] = [];
  const code = typeof request.code === 'string' ? request.code.trim() : '';
  if (!ConsumerFormats.code.test(code)) errors.push({ field: 'code', message: 'must be 1-40 letters, digits or . _ / - (no spaces)' });
  if (!(UTILITIES as readonly string[]).includes(request.utility)) errors.push({ field: 'utility', message: `must be one of ${UTILITIES.join(', ')}` });
  const fields: ServicePointFields = {
    code,
    utility: request.utility,
    consumerId: reference(errors, 'consumerId', request.consumerId),
    nodeId: reference(errors, 'nodeId', request.nodeId),
    address: text(errors, 'address', request.address),
    description: text(errors, 'description', request.description),
  };
  if (errors.length > 0) refuse(errors);
  return fields;
}

/** Validates and normalises a change of a service point: the patch of the fields named in the request. */
export function validateServicePointPatch(request: Omit<UpdateServicePointRequest, 'id'>): ServicePointFieldsPatch {
  const errors: FieldError[] = [];
  const patch: ServicePointFieldsPatch = {};
  if (request.consumerId !== undefined) patch.consumerId = reference(errors, 'consumerId', request.consumerId);
  if (request.nodeId !== undefined) patch.nodeId = reference(errors, 'nodeId', request.nodeId);
  if (request.address !== undefined) patch.address = text(errors, 'address', request.address);
  if (request.description !== undefined) patch.description = text(errors, 'description', request.description);
  if (errors.length > 0) refuse(errors);
  return patch;
}

/** A link period: from `validFrom` until `validTo` (null: open). */
export interface LinkPeriod {
  validFrom: Date;
  validTo: Date | null;
}

/**
 * A meter serves one point at a time: a new open link from `from` must start at or after the end of
 * every earlier link of the meter (and none may still be open).
 */
export function assertNoOverlap(existing: readonly LinkPeriod[], from: Date): void {
  for (const link of existing) {
    if (link.validTo === null) throw new DomainError('CONFLICT', 'The meter still serves a service point; detach it first');
    if (link.validTo.getTime() > from.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid request: validFrom', [{ field: 'validFrom', message: `must not be before the end of the meter's previous link (${link.validTo.toISOString()})` }]);
    }
  }
}
