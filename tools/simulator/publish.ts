import type { MqttClient } from 'mqtt';
import { connectAsync } from 'mqtt';
import type { SimMessage } from './simulate';

export interface PublishOptions {
  url: string;
  /** Messages per second. */
  rate: number;
  /** Stop after this many messages. */
  count?: number;
  /** Stop after this many seconds. */
  duration?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes the messages at QoS 1, paced at `rate` per second from the start (no drift), until the count,
 * the duration or the abort signal ends the run. Returns how many were published (acknowledged by the broker).
 */
export async function publishMessages(messages: Iterable<SimMessage>, options: PublishOptions): Promise<number> {
  const client: MqttClient = await connectAsync(options.url, { clientId: `openhes-sim-${process.pid}-${Date.now()}`, reconnectPeriod: 1000 });
  const started = Date.now();
  let sent = 0;
  try {
    for (const m of messages) {
      if (options.count !== undefined && sent >= options.count) break;
      if (options.signal?.aborted) break;
      const due = started + (sent / options.rate) * 1000;
      if (options.duration !== undefined && due - started >= options.duration * 1000) break;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      await client.publishAsync(m.topic, m.payload, { qos: 1 });
      sent += 1;
    }
  } finally {
    await client.endAsync();
  }
  return sent;
}
