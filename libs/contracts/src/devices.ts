/**
 * Device registry: gateways (data concentrators), meters and pulse modules of a tenant.
 * Utilities and statuses are public wire API (stored): add, never rename. Keys are accepted on
 * creation and never returned: views say `hasAppKey` / `hasAesKey`.
 */
export const UTILITIES = ['water', 'gas', 'heat', 'electricity'] as const;
export type Utility = (typeof UTILITIES)[number];

export const METER_STATUSES = ['in_stock', 'installed', 'removed', 'replaced', 'archived'] as const;
export type MeterStatus = (typeof METER_STATUSES)[number];

export const GATEWAY_STATUSES = ['active', 'inactive', 'decommissioned'] as const;
export type GatewayStatus = (typeof GATEWAY_STATUSES)[number];

/** Meter readings and indexes are exact decimals, carried as text ("12345.678"). */
export type DecimalText = string;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface GatewayView {
  id: string;
  eui: string;
  name: string;
  model: string | null;
  latitude: number | null;
  longitude: number | null;
  nodeId: string | null;
  configuration: Record<string, JsonValue>;
  status: GatewayStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CreateGatewayRequest {
  eui: string;
  name: string;
  model?: string;
  latitude?: number;
  longitude?: number;
  nodeId?: string;
  configuration?: Record<string, JsonValue>;
  status?: GatewayStatus;
}

export interface UpdateGatewayRequest extends Partial<Omit<CreateGatewayRequest, 'eui' | 'nodeId' | 'model' | 'latitude' | 'longitude'>> {
  id: string;
  model?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  nodeId?: string | null;
}

export interface LoRaWanIdentity {
  /** 16 lower-case hex digits (accepted in any case, stored lower-case). */
  devEui: string;
  joinEui?: string;
  /** 32 hex digits; write-only. */
  appKey?: string;
}

export interface WMBusIdentity {
  /** Three letters (FLAG manufacturer code), stored upper-case. */
  manufacturer: string;
  /** Eight digits. */
  id: string;
  /** 32 hex digits; write-only. */
  aesKey?: string;
}

/**
 * Whether a LoRaWAN meter exists in ChirpStack: `not_configured` (no ChirpStack configured, the
 * request said `provision: false`, or the device was deleted there), `pending` (being created),
 * `provisioned`, `failed` (see `error`; POST /meters/:id/provision retries).
 */
export const PROVISIONING_STATES = ['not_configured', 'pending', 'provisioned', 'failed'] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

export interface MeterProvisioningView {
  state: ProvisioningState;
  /** ChirpStack's answer to the last failed attempt (status and message), null otherwise. */
  error: string | null;
  /** When the last attempt ended. */
  at: string | null;
}

export interface MeterView {
  id: string;
  serial: string;
  vendor: string;
  model: string | null;
  utility: Utility;
  codecId: string | null;
  nodeId: string | null;
  status: MeterStatus;
  lorawan: { devEui: string; joinEui: string | null; hasAppKey: boolean } | null;
  wmbus: { manufacturer: string; id: string; hasAesKey: boolean } | null;
  multiplier: DecimalText;
  registerUnit: string | null;
  installedAt: string | null;
  installIndex: DecimalText | null;
  removedAt: string | null;
  finalIndex: DecimalText | null;
  replacedById: string | null;
  replacesId: string | null;
  /** ChirpStack provisioning of a LoRaWAN meter; null for a meter without a LoRaWAN identity. */
  provisioning: MeterProvisioningView | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateMeterRequest {
  serial: string;
  vendor: string;
  model?: string;
  utility: Utility;
  codecId?: string;
  nodeId?: string;
  lorawan?: LoRaWanIdentity;
  wmbus?: WMBusIdentity;
  multiplier?: DecimalText;
  registerUnit?: string;
  /** false: do not create the LoRaWAN device in ChirpStack (it is created when ChirpStack is configured otherwise). */
  provision?: boolean;
}

export interface UpdateMeterRequest {
  id: string;
  model?: string | null;
  codecId?: string | null;
  multiplier?: DecimalText;
  registerUnit?: string | null;
  /** Replaces the LoRaWAN keys (the devEui stays). */
  joinEui?: string | null;
  appKey?: string;
  aesKey?: string;
}

export interface ListMetersRequest {
  /** Prefix of the serial number or of the devEui. */
  search?: string;
  utility?: Utility;
  status?: MeterStatus;
  vendor?: string;
  /** Meters of this node and of every node below it. */
  nodeId?: string;
  cursor?: string;
  limit?: number;
}

export interface MeterPage {
  items: MeterView[];
  nextCursor: string | null;
}

export interface InstallMeterRequest {
  id: string;
  nodeId: string;
  installedAt: string;
  initialIndex: DecimalText;
}

export interface RemoveMeterRequest {
  id: string;
  removedAt: string;
  finalIndex: DecimalText;
}

export interface ReplaceMeterRequest {
  /** The installed meter that leaves. */
  id: string;
  newMeterId: string;
  /** One instant for both: the old meter's last index and the new meter's first. */
  replacedAt: string;
  oldFinalIndex: DecimalText;
  newInitialIndex: DecimalText;
}

export interface ReplacedMeters {
  old: MeterView;
  new: MeterView;
}

export interface PulseModuleView {
  id: string;
  serial: string;
  meterId: string | null;
  /** Consumption per pulse, in `unit`. */
  pulseWeight: DecimalText;
  unit: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePulseModuleRequest {
  serial: string;
  meterId?: string;
  pulseWeight: DecimalText;
  unit: string;
}
