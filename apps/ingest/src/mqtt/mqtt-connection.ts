import createDebug from 'debug';
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
  /** Seconds the broker keeps the session while offline (default 7 days: an outage's backlog waits for us). */
  sessionExpirySeconds?: number;
}

/**
 * MQTT.js calls its `debug` logger several times per packet (about 1 % of ingest's CPU under load, even with
 * nothing enabled): unless the `debug` package (MQTT.js's own) has `mqttjs:client` enabled (`DEBUG=mqttjs*`,
 * `DEBUG=*`, ...), the client gets a no-op.
 */
export function mqttClientLog(enabled = createDebug.enabled('mqttjs:client')): { log?: () => void } {
  return enabled ? {} : { log: () => undefined };
}

/**
 * The ingest service's broker connection: MQTT v5, persistent session (clean=false with a session
 * expiry), reconnecting on its own. Its state is reported by the health probe.
 *
 * It connects only when `start()` is called: the broker delivers a persistent session's queued messages right
 * after CONNACK, so the pipeline must have installed its message handler (and opened its write-ahead buffer)
 * first, or MQTT.js's default handler would acknowledge messages nobody stored.
 */
export class MqttConnection implements StoreProbe {
  readonly store = 'mqtt' as const;
  readonly required = true;
  readonly client: MqttClient;
  private lastError: string | undefined;
  private started = false;
  private closing: Promise<void> | undefined;

  constructor(settings: MqttSettings, logger: Logger) {
    this.client = connect(settings.url, {
      protocolVersion: 5,
      clientId: settings.clientId,
      clean: false,
      properties: { sessionExpiryInterval: settings.sessionExpirySeconds ?? 7 * 24 * 3600 },
      username: settings.username,
      password: settings.password,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      keepalive: 30,
      manualConnect: true,
      ...mqttClientLog(),
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

  /** Connects (and keeps reconnecting). Call once, after the message handler is in place. */
  start(): void {
    if (!this.started) {
      this.started = true;
      this.client.connect();
    }
  }

  async probe(): Promise<StoreHealth> {
    if (!this.started) return { status: 'down', detail: 'not started' };
    if (this.client.connected) return { status: 'up', latencyMs: 0 };
    return { status: 'down', detail: this.lastError ?? 'not connected' };
  }

  /** Disconnects (once; later calls share the first). Messages not yet acknowledged stay with the broker. */
  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => this.client.end(false, {}, () => resolve()));
    return this.closing;
  }
}
