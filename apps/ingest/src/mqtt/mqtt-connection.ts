import { connect } from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { StoreHealth } from '@app/contracts';
import type { StoreProbe } from '@app/common';

export interface MqttSettings {
  url: string;
  username?: string;
  password?: string;
  /** Stable per instance, so the broker keeps the persistent session across restarts. */
  clientId: string;
}

/**
 * The ingest service's broker connection: MQTT v5, persistent session (clean=false with a session
 * expiry), reconnecting on its own. Its state is reported by the health probe.
 */
export class MqttConnection implements StoreProbe {
  readonly store = 'mqtt' as const;
  readonly required = true;
  readonly client: MqttClient;
  private lastError: string | undefined;

  constructor(settings: MqttSettings, logger: Logger) {
    this.client = connect(settings.url, {
      protocolVersion: 5,
      clientId: settings.clientId,
      clean: false,
      properties: { sessionExpiryInterval: 7 * 24 * 3600 },
      username: settings.username,
      password: settings.password,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      keepalive: 30,
    });
    this.client.on('connect', () => {
      this.lastError = undefined;
      logger.info({ clientId: settings.clientId }, 'connected to the MQTT broker');
    });
    this.client.on('error', (error) => {
      this.lastError = error.message;
      logger.warn({ err: error }, 'MQTT connection error');
    });
    this.client.on('offline', () => {
      this.lastError ??= 'broker unreachable';
    });
  }

  async probe(): Promise<StoreHealth> {
    if (this.client.connected) return { status: 'up', latencyMs: 0 };
    return { status: 'down', detail: this.lastError ?? 'not connected' };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.client.end(false, {}, () => resolve()));
  }
}
