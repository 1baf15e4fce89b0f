/**
 * Device resolution: which meter, tenant and codec an uplink's device identity belongs to
 * (`system.device.resolve`), and the registry change events ingest invalidates its caches with.
 *
 * `system.device.resolve` is an internal service-to-service call: its answer carries wM-Bus AES keys
 * in clear. It must never be exposed at the gateway (`apps/gateway/test/device-resolve-not-exposed.spec.ts`
 * proves no gateway source names it). The stream name and event shape are public wire API.
 */
import type { MeterStatus, Utility } from './devices';

/** A wireless M-Bus address: manufacturer (3 letters, upper-case) and id (8 digits). */
export interface WmbusIdentity {
  manufacturer: string;
  id: string;
}

export interface ResolveDevicesRequest {
  /** LoRaWAN DevEUIs (16 hex, any case), at most 1,000 a call. */
  devEuis?: string[];
  /** wM-Bus addresses, at most 1,000 a call. */
  wmbus?: WmbusIdentity[];
}

/** A device registered to exactly one live (not archived) meter. */
export interface KnownDevice {
  state: 'known';
  meterId: string;
  tenantId: string;
  codecId: string | null;
  utility: Utility;
  /** Decimal text. */
  multiplier: string;
  status: MeterStatus;
  /** wM-Bus identities only: the meter's AES-128 key in clear (32 hex), or null when it has none. */
  aesKey?: string | null;
}

/**
 * Not resolved: `unknown` (no meter has it), `archived` (only archived meters have it: nothing is
 * attributed to them), `ambiguous` (live meters of several tenants have it: the registry constrains
 * devEui and wM-Bus address per tenant only, so this can happen; it is logged and never guessed).
 */
export type UnresolvedDevice = { state: 'unknown' } | { state: 'archived'; meterId: string; tenantId: string } | { state: 'ambiguous'; tenantIds: string[] };

export type DeviceResolution = KnownDevice | UnresolvedDevice;

export interface ResolvedDevices {
  /** Keyed by the lower-case DevEUI. */
  devEuis: Record<string, DeviceResolution>;
  /** Keyed by `wmbusKey(identity)`. */
  wmbus: Record<string, DeviceResolution>;
}

/** The key of a wM-Bus address in answers and caches: `MAN:12345678`. */
export const wmbusKey = (identity: WmbusIdentity): string => `${identity.manufacturer.toUpperCase()}:${identity.id}`;

/** Redis stream the system service appends registry changes to (XADD, field `event` = JSON of `DeviceChangedEvent`). */
export const REGISTRY_DEVICE_CHANGED_STREAM = 'registry.device.changed';

/**
 * A meter whose resolution may have changed (created, identity/codec/multiplier/key updated,
 * installed, removed, replaced, archived, imported), published after the commit. Carries the
 * identities the meter has now and had before the change, so caches of both are dropped.
 */
export interface DeviceChangedEvent {
  tenantId: string;
  meterId: string;
  devEui?: string;
  wmbus?: WmbusIdentity;
  reason: 'create' | 'update' | 'install' | 'remove' | 'replace' | 'archive' | 'import';
}
