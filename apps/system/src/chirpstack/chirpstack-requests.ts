import type { MeterEntity } from '../database/entities/meter.entity';
import type { ChirpstackSettings } from './chirpstack-settings';

/**
 * Request bodies of ChirpStack's REST API (chirpstack-rest-api, grpc-gateway JSON: lowerCamelCase
 * field names of api/device.proto). Key order is fixed: the bodies are compared byte for byte in tests.
 */
export interface ChirpstackDevice {
  devEui: string;
  name: string;
  applicationId: string;
  deviceProfileId: string;
  description: string;
  tags: { serial: string; meterId: string; tenant: string };
  joinEui?: string;
}

/** `POST /api/devices` (and `PUT /api/devices/{devEui}`): the meter as a ChirpStack device. */
export function deviceBody(meter: Pick<MeterEntity, 'id' | 'tenantId' | 'serial' | 'vendor' | 'model' | 'utility' | 'devEui' | 'joinEui'>, settings: Pick<ChirpstackSettings, 'applicationId' | 'deviceProfileId'>): { device: ChirpstackDevice } {
  if (!meter.devEui) throw new Error('a meter without a devEui has no ChirpStack device');
  const device: ChirpstackDevice = {
    devEui: meter.devEui,
    name: meter.serial,
    applicationId: settings.applicationId,
    deviceProfileId: settings.deviceProfileId,
    description: [meter.utility, 'meter', meter.vendor, meter.model].filter(Boolean).join(' '),
    tags: { serial: meter.serial, meterId: meter.id, tenant: meter.tenantId },
  };
  if (meter.joinEui) device.joinEui = meter.joinEui;
  return { device };
}

/**
 * `POST /api/devices/{devEui}/keys` (and `PUT` to change them). LoRaWAN 1.0.x OTAA: the AppKey goes
 * into `nwkKey`; `appKey` is only for LoRaWAN 1.1 devices and stays unset.
 */
export function keysBody(appKey: string): { deviceKeys: { nwkKey: string } } {
  return { deviceKeys: { nwkKey: appKey.toLowerCase() } };
}

/** The REST paths, one place (CS api/proto/api/device.proto `google.api.http` options). */
export const ChirpstackPaths = {
  devices: '/api/devices',
  device: (devEui: string) => `/api/devices/${encodeURIComponent(devEui)}`,
  keys: (devEui: string) => `/api/devices/${encodeURIComponent(devEui)}/keys`,
} as const;
