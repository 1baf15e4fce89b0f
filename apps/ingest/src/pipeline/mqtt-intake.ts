import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';

/** ChirpStack v4's device event topics, through a shared subscription so instances of one group split the load. */
export function eventSubscription(shareGroup: string): string {
  return `$share/${shareGroup}/application/+/device/+/event/+`;
}

/** Emitted on `MqttIntake.events` each time the broker granted the event subscription. */
export const SUBSCRIBED = 'headend:subscribed';

/** Makes one received message durable; resolves when it is (the PUBACK is sent only then). */
export type DurableAppend = (topic: string, payload: Buffer) => Promise<void>;

export interface IntakeObserver {
  received?(topic: string): void;
  /** Seconds from the message's arrival to its PUBACK. */
  acknowledged?(lagSeconds: number): void;
}

type IPublishPacket = Parameters<MqttClient['handleMessage']>[0];

/** PUBACKs waiting for one durable promise, in arrival order. */
interface HeldAcks {
  durable: Promise<void>;
  generation: number;
  packets: { cmd: string; messageId?: number }[];
  arrivals: number[];
  settled: boolean;
}
type SendPacket = (packet: { cmd: string; messageId?: number }, cb?: (error?: Error) => void, cbStorePut?: () => void) => void;
/** MQTT.js's private packet writer (present through 5.x; the unit and integration tests fail if it changes). */
interface InternalClient {
  _sendPacket: SendPacket;
}

/**
 * Receives the event stream and acknowledges each QoS 1 message only after it is durable in the write-ahead buffer,
 * without stalling the stream.
 *
 * MQTT.js reads one PUBLISH at a time: it calls `handleMessage`, waits for its callback, sends the PUBACK and only
 * then parses the next packet. Holding that callback until an fdatasync finished would serialise the stream to one
 * message per sync (chirpstack.md pitfalls; measured: 51 messages in 10 s with 200 ms holds). So the callback returns
 * at once, and the PUBACK packet it triggers is held back instead: PUBACKs leave in arrival order, each after its
 * message's append resolved. Appends in flight are written together by the buffer's group commit, so one fdatasync
 * covers many messages. The broker's in-flight window (`max_inflight_messages`) bounds how many wait.
 *
 * Held PUBACKs belong to one connection: after a disconnect they are dropped, never sent on the next connection
 * (whose packet ids mean other messages); the broker redelivers those messages and the drain side dedupes them.
 * A failed append (buffer closed or unwritable) sends no PUBACK and drops the connection, so the broker keeps the
 * message for the next session.
 */
export class MqttIntake {
  readonly events = new EventEmitter();
  private generation = 0;
  private chain: Promise<void> = Promise.resolve();
  private held: { durable: Promise<void>; arrivedAt: number } | undefined;
  /** The newest entry of the PUBACK chain, which later messages of the same group commit join. */
  private tail: HeldAcks | undefined;
  private readonly originalSend: SendPacket;

  constructor(
    private readonly client: MqttClient,
    private readonly append: DurableAppend,
    private readonly logger: Pick<Logger, 'warn' | 'error' | 'info'>,
    private readonly observer: IntakeObserver = {},
  ) {
    const internal = client as unknown as InternalClient;
    if (typeof internal._sendPacket !== 'function') throw new Error('this MQTT.js version has no _sendPacket: the ack gate cannot be installed');
    this.originalSend = internal._sendPacket.bind(client);
    internal._sendPacket = (packet, cb, cbStorePut) => this.send(packet, cb, cbStorePut);
    client.handleMessage = (packet, callback) => this.onPublish(packet, callback);
    client.on('close', () => {
      this.generation += 1;
    });
  }

  /** Subscribes on every (re)connect: the persistent session keeps it too, but a new broker may not. */
  subscribe(topic: string): void {
    const doSubscribe = () =>
      this.client.subscribe(topic, { qos: 1 }, (error, granted) => {
        if (error) this.logger.error({ err: error, topic }, 'subscription failed');
        else if (granted?.some((g) => g.qos > 2)) this.logger.error({ topic, granted }, 'subscription refused by the broker');
        else {
          this.logger.info({ topic }, 'subscribed');
          this.events.emit(SUBSCRIBED);
        }
      });
    this.client.on('connect', doSubscribe);
    if (this.client.connected) doSubscribe();
  }

  private onPublish(packet: IPublishPacket, callback: (error?: Error) => void): void {
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    this.observer.received?.(packet.topic);
    const durable = this.append(packet.topic, payload);
    if (packet.qos === 1) {
      this.held = { durable, arrivedAt: performance.now() };
    } else {
      // QoS 0 has no ack to hold; QoS 2 is not used by ChirpStack's integration. Failures are still logged.
      durable.catch((error: unknown) => this.logger.error({ err: error, topic: packet.topic }, 'could not buffer a message'));
    }
    callback();
  }

  private send(packet: { cmd: string; messageId?: number }, cb?: (error?: Error) => void, cbStorePut?: () => void): void {
    const held = this.held;
    if (packet.cmd !== 'puback' || !held) {
      this.originalSend(packet, cb, cbStorePut);
      return;
    }
    this.held = undefined;
    const generation = this.generation;
    // Messages made durable by the same group commit share one promise: their PUBACKs wait as one entry.
    const tail = this.tail;
    if (tail && tail.durable === held.durable && tail.generation === generation && !tail.settled) {
      tail.packets.push(packet);
      tail.arrivals.push(held.arrivedAt);
      cb?.();
      return;
    }
    const entry: HeldAcks = { durable: held.durable, generation, packets: [packet], arrivals: [held.arrivedAt], settled: false };
    this.tail = entry;
    this.chain = this.chain
      .then(() => entry.durable)
      .then(
        () => {
          entry.settled = true;
          if (entry.generation !== this.generation) return;
          const now = performance.now();
          for (let i = 0; i < entry.packets.length; i++) {
            this.originalSend(entry.packets[i] as { cmd: string; messageId?: number });
            this.observer.acknowledged?.((now - (entry.arrivals[i] as number)) / 1000);
          }
        },
        (error: unknown) => {
          entry.settled = true;
          if (entry.generation !== this.generation) return;
          this.logger.error({ err: error, messageIds: entry.packets.map((p) => p.messageId) }, 'messages could not be made durable: not acknowledged; reconnecting so the broker redelivers them');
          this.generation += 1;
          this.client.stream?.destroy();
        },
      );
    // The parser may go on to the next packet: the ack is on its way, in order.
    cb?.();
  }
}
