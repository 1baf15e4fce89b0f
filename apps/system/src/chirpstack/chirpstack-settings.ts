import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/common';
import type { SystemConfig } from '../config';

/** Where and as what the platform creates devices in ChirpStack (CHIRPSTACK_* variables). */
export interface ChirpstackSettings {
  /** Base URL of the REST proxy, without a trailing slash. */
  url: string;
  /** API key; sent as `Grpc-Metadata-Authorization: Bearer <token>`, never logged. */
  token: string;
  applicationId: string;
  deviceProfileId: string;
  timeoutMs: number;
}

type ChirpstackConfig = Pick<SystemConfig, 'CHIRPSTACK_API_URL' | 'CHIRPSTACK_API_TOKEN' | 'CHIRPSTACK_APPLICATION_ID' | 'CHIRPSTACK_DEVICE_PROFILE_ID' | 'CHIRPSTACK_TIMEOUT_MS'>;

/** The settings, or null when ChirpStack is not configured (the config allows all four variables or none). */
export function chirpstackSettings(config: ChirpstackConfig): ChirpstackSettings | null {
  const { CHIRPSTACK_API_URL: url, CHIRPSTACK_API_TOKEN: token, CHIRPSTACK_APPLICATION_ID: applicationId, CHIRPSTACK_DEVICE_PROFILE_ID: deviceProfileId } = config;
  if (!url || !token || !applicationId || !deviceProfileId) return null;
  return { url: url.replace(/\/+$/, ''), token, applicationId, deviceProfileId, timeoutMs: config.CHIRPSTACK_TIMEOUT_MS };
}

/** The settings as a provider (`value` is null when ChirpStack is not configured). */
@Injectable()
export class ChirpstackSettingsRef {
  readonly value: ChirpstackSettings | null;

  constructor(@Inject(APP_CONFIG) config: ChirpstackConfig) {
    this.value = chirpstackSettings(config);
  }
}
