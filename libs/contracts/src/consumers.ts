/**
 * Consumers and their service points: who is supplied, where (a point at a hierarchy node), and which
 * meters serve each point over time. Kinds and statuses are public wire API (stored): add, never rename.
 * A consumer user (role `consumer`) sees only its own consumer record, its service points, the meters
 * linked to them and their history; anything else answers NOT_FOUND, like another tenant's id.
 */
import type { Utility } from './devices';

export const CONSUMER_KINDS = ['residential', 'non_residential'] as const;
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

export const CONSUMER_STATUSES = ['active', 'closed'] as const;
export type ConsumerStatus = (typeof CONSUMER_STATUSES)[number];

export const SERVICE_POINT_STATUSES = ['active', 'closed'] as const;
export type ServicePointStatus = (typeof SERVICE_POINT_STATUSES)[number];

/** Formats shared by the DTOs, the import and the console. */
export const ConsumerFormats = {
  /** Account number / service point code: letters, digits and . _ / - (no spaces), 1-40 characters. */
  code: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/,
  /** E.164-like phone: optional +, digits, spaces, dashes, parentheses; 5-30 characters. */
  phone: /^\+?[0-9 ()-]{5,30}$/,
} as const;

export interface ConsumerContact {
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

export interface ConsumerView extends ConsumerContact {
  id: string;
  kind: ConsumerKind;
  accountNumber: string;
  name: string;
  /** Non-residential only. */
  taxId: string | null;
  registrationNumber: string | null;
  contactPerson: string | null;
  status: ConsumerStatus;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateConsumerRequest {
  kind: ConsumerKind;
  accountNumber: string;
  name: string;
  taxId?: string;
  registrationNumber?: string;
  contactPerson?: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
}

export interface UpdateConsumerRequest {
  id: string;
  name?: string;
  taxId?: string | null;
  registrationNumber?: string | null;
  contactPerson?: string | null;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
}

export interface ListConsumersRequest {
  /** Prefix of the account number, or of the name (case-insensitive). */
  search?: string;
  kind?: ConsumerKind;
  status?: ConsumerStatus;
  cursor?: string;
  limit?: number;
}

export interface ConsumerPage {
  items: ConsumerView[];
  nextCursor: string | null;
}

export interface ServicePointView {
  id: string;
  code: string;
  consumerId: string | null;
  nodeId: string | null;
  utility: Utility;
  address: string | null;
  description: string | null;
  status: ServicePointStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CreateServicePointRequest {
  code: string;
  utility: Utility;
  consumerId?: string;
  nodeId?: string;
  address?: string;
  description?: string;
}

export interface UpdateServicePointRequest {
  id: string;
  consumerId?: string | null;
  nodeId?: string | null;
  address?: string | null;
  description?: string | null;
}

export interface ListServicePointsRequest {
  /** Prefix of the code. */
  search?: string;
  consumerId?: string;
  nodeId?: string;
  utility?: Utility;
  status?: ServicePointStatus;
  cursor?: string;
  limit?: number;
}

export interface ServicePointPage {
  items: ServicePointView[];
  nextCursor: string | null;
}

/** A meter serving a service point from `validFrom` until `validTo` (null: still serving). */
export interface ServicePointMeterView {
  id: string;
  servicePointId: string;
  meterId: string;
  validFrom: string;
  validTo: string | null;
}

export interface AttachMeterRequest {
  /** The service point. */
  id: string;
  meterId: string;
  validFrom: string;
}

export interface DetachMeterRequest {
  /** The service point. */
  id: string;
  meterId: string;
  validTo: string;
}
