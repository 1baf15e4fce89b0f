import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { ChirpstackDevice } from './chirpstack-requests';
import { ChirpstackPaths } from './chirpstack-requests';
import { ChirpstackSettingsRef } from './chirpstack-settings';

/**
 * ChirpStack refused or did not answer: DEPENDENCY_FAILED with ChirpStack's HTTP status (null when
 * there was no answer) and its message. Never carries the API token.
 */
export class ChirpstackError extends DomainError {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super('DEPENDENCY_FAILED', message);
  }
}

/** ChirpStack's message from a grpc-gateway error body (`{"code":6,"message":"...","details":[]}`), else the text. */
function messageOf(text: string): string {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  } catch {
    // not JSON: the text itself
  }
  return text.trim().slice(0, 300) || '(empty answer)';
}

/**
 * The few calls of ChirpStack's REST API (chirpstack-rest-api in front of its gRPC API) that the
 * platform needs to provision LoRaWAN devices. Global fetch, a deadline per request, the API key as
 * `Grpc-Metadata-Authorization: Bearer <token>`.
 */
@Injectable()
export class ChirpstackClient {
  constructor(private readonly settings: ChirpstackSettingsRef) {}

  /** Whether CHIRPSTACK_* is set; without it nothing is ever sent. */
  get configured(): boolean {
    return this.settings.value !== null;
  }

  createDevice(body: { device: ChirpstackDevice }): Promise<void> {
    return this.call('POST', ChirpstackPaths.devices, body);
  }

  updateDevice(body: { device: ChirpstackDevice }): Promise<void> {
    return this.call('PUT', ChirpstackPaths.device(body.device.devEui), body);
  }

  createKeys(devEui: string, body: { deviceKeys: { nwkKey: string } }): Promise<void> {
    return this.call('POST', ChirpstackPaths.keys(devEui), body);
  }

  updateKeys(devEui: string, body: { deviceKeys: { nwkKey: string } }): Promise<void> {
    return this.call('PUT', ChirpstackPaths.keys(devEui), body);
  }

  deleteDevice(devEui: string): Promise<void> {
    return this.call('DELETE', ChirpstackPaths.device(devEui));
  }

  private async call(method: string, path: string, body?: unknown): Promise<void> {
    const settings = this.settings.value;
    if (!settings) throw new DomainError('CONFLICT', 'ChirpStack is not configured (CHIRPSTACK_API_URL, CHIRPSTACK_API_TOKEN, CHIRPSTACK_APPLICATION_ID, CHIRPSTACK_DEVICE_PROFILE_ID)');
    const what = `ChirpStack ${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(`${settings.url}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          'grpc-metadata-authorization': `Bearer ${settings.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      // The deadline rejects with a DOMException named TimeoutError (not an Error instance in every Node).
      const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { message?: unknown } };
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const reason = timedOut ? `no answer within ${settings.timeoutMs} ms` : `unreachable (${String(cause?.message ?? message ?? error)})`;
      throw new ChirpstackError(null, `${what}: ${reason}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new ChirpstackError(response.status, `${what} answered ${response.status}: ${messageOf(text)}`);
  }
}
