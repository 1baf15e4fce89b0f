import { connect } from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { StoreProbe } from '@app/common';
import type { StoreHealth } from '@app/contracts';

export interface CommandPublisherSettings {
  url: string;
  username?: string;
  password?: string;
  clientId: string;
  /** How long a publish waits for the broker's PUBACK. */
  publishTimeoutMs: number;
}

/** Sends a `command/down` message; rejects with the reason when the broker did not take it. */
export interface DownlinkPublisher {
  publish(topic: string, payload: string): Promise<void>;
}

/**
 * Metering's own broker connection, for `command/down` only (MQTT v5, clean session: it subscribes to nothing).
 * A publish is QoS 1 and resolves on the broker's PUBACK. While the broker is away a publish fails at once
 * instead of waiting in the client's offline queue: a command is never silently queued behind our back.
 */
export class CommandPublisher implements DownlinkPublisher, StoreProbe {
  readonly store = 'mqtt' as const;
  readonly required = true;
  readonly client: MqttClient;
  private lastError: string | undefined;

  constructor(
    private readonly settings: CommandPublisherSettings,
    logger: Logger,
  ) {
    this.client = connect(settings.url, {
      protocolVersion: 5,
      clientId: settings.clientId,
      clean: true,
      username: settings.username,
      password: settings.password,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      keepalive: 30,
      queueQoSZero: false,
    });
    this.client.on('connect', () => {
      this.lastError = undefined;
      logger.info({ clientId: settings.clientId }, 'connected to the MQTT broker (command/down)');
    });
    this.client.on('error', (error) => {
      this.lastError = error.message;
      logger.warn({ err: error }, 'MQTT connection error');
    });
    this.client.on('offline', () => {
      this.lastError ??= 'broker unreachable';
    });
  }

  /** Resolves once the broker connection is up (tests and start-up), or rejects after `timeoutMs`. */
  waitConnected(timeoutMs = 10_000): Promise<void> {
    if (this.client.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`MQTT broker not connected within ${timeoutMs} ms`)), timeoutMs);
      this.client.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async publish(topic: string, payload: string): Promise<void> {
    if (!this.client.connected) throw new Error(`MQTT broker not connected${this.lastError ? ` (${this.lastError})` : ''}`);
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const done = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const acknowledged = (error?: Error) => done(error);
      const timer = setTimeout(() => {
        // Take the message out of the client's store, so a reconnect does not send a command we report as failed.
        // (Settled first: the removal calls `acknowledged` with its own error.)
        done(new Error(`no PUBACK from the MQTT broker within ${this.settings.publishTimeoutMs} ms`));
        const pending = Object.entries(this.client.outgoing).find(([, entry]) => entry.cb === acknowledged);
        if (pending) this.client.removeOutgoingMessage(Number(pending[0]));
      }, this.settings.publishTimeoutMs);
      this.client.publish(topic, payload, { qos: 1 }, acknowledged);
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
