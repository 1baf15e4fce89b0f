/**
 * The acknowledgement gate on the real Mosquitto: a message whose append has not resolved is never acknowledged
 * (the broker redelivers it to the next session), and PUBACKs leave in arrival order as appends become durable.
 */
import { connect, connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { createLogger } from '@app/common';
import { testServices, uniqueName, waitFor } from '@app/testing';
import { MqttIntake, SUBSCRIBED } from './mqtt-intake';

const logger = createLogger({ service: 'ingest', version: '0', level: 'silent' });
jest.setTimeout(60_000);

interface Subscriber {
  client: MqttClient;
  received: string[];
  releases: Array<() => void>;
}

/** A persistent-session subscriber whose appends resolve only when released (or at once). */
async function subscriber(clientId: string, topic: string, hold: boolean): Promise<Subscriber> {
  // As the pipeline does: the handler is in place before CONNACK, when a session's backlog starts to arrive.
  const client = connect(testServices.mqttUrl, { protocolVersion: 5, clientId, clean: false, properties: { sessionExpiryInterval: 60 }, reconnectPeriod: 0, manualConnect: true });
  const state: Subscriber = { client, received: [], releases: [] };
  const intake = new MqttIntake(
    client,
    (_topic, payload) => {
      state.received.push(payload.toString());
      return hold ? new Promise<void>((resolve) => state.releases.push(resolve)) : Promise.resolve();
    },
    logger,
  );
  const granted = new Promise<void>((resolve) => intake.events.once(SUBSCRIBED, () => resolve()));
  intake.subscribe(topic);
  client.connect();
  await granted;
  return state;
}

describe('MqttIntake on the real Mosquitto', () => {
  const topic = `itest/${uniqueName('gate')}/event/up`;
  let publisher: MqttClient;

  beforeAll(async () => {
    publisher = await connectAsync(testServices.mqttUrl, { protocolVersion: 5, clientId: uniqueName('gate-pub') });
  });
  afterAll(async () => {
    await publisher?.endAsync();
  });

  it('withholds the PUBACK of every message not yet durable: a crash before it means redelivery, not loss', async () => {
    const clientId = uniqueName('gate-sub');
    const first = await subscriber(clientId, topic, true);
    for (let i = 0; i < 200; i++) await publisher.publishAsync(topic, `m${i}`, { qos: 1 });
    // Nothing is durable: the broker stops at its in-flight window (max_inflight_messages; 20 on a default broker).
    await waitFor('the in-flight window', async () => (first.received.length > 0 ? true : undefined), 10_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const window = first.received.length;
    expect(window).toBeLessThan(200);
    // The first 10 become durable: their PUBACKs go out and the broker sends more (every message comes in order).
    first.releases.slice(0, 10).forEach((release) => release());
    await waitFor('the window moved', async () => (first.received.length > window ? true : undefined), 10_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(first.received).toEqual(Array.from({ length: first.received.length }, (_, i) => `m${i}`));
    // The process "crashes" (socket gone, no DISCONNECT) with the others delivered but not durable.
    first.client.stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.client.end(true);

    const second = await subscriber(clientId, topic, false);
    await waitFor('redelivery', async () => (second.received.length >= 190 ? true : undefined), 10_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Exactly the 190 never acknowledged come back (those delivered before the crash and those still queued), in
    // order; the 10 acknowledged ones do not.
    expect(second.received).toEqual(Array.from({ length: 190 }, (_, i) => `m${i + 10}`));
    await second.client.endAsync();
  });

  it('acknowledges in arrival order even when appends resolve out of order, and nothing comes back after a clean stop', async () => {
    const clientId = uniqueName('gate-sub');
    const first = await subscriber(clientId, topic, true);
    for (let i = 0; i < 20; i++) await publisher.publishAsync(topic, `n${i}`, { qos: 1 });
    await waitFor('all delivered', async () => (first.received.length === 20 ? true : undefined), 10_000, 20);
    [...first.releases].reverse().forEach((release) => release());
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.client.endAsync();
    const second = await subscriber(clientId, topic, false);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(second.received).toEqual([]);
    await second.client.endAsync();
  });
});
