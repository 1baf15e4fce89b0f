import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { testServices } from '@app/testing';
import { parseEvent } from '../../apps/ingest/src/events/parse-event';
import { publishMessages } from './publish';
import { DEFAULT_TARGET, defaultOptions, simulate } from './simulate';
import type { SimMessage } from './simulate';

const URL = testServices.mqttUrl;
const COUNT = 500;

/** The real local Mosquitto: the simulator publishes 500 events on a fresh application id, a subscriber gets them all. */
describe('simulator publishing to Mosquitto', () => {
  let subscriber: MqttClient;

  afterEach(async () => {
    await subscriber?.endAsync();
  });

  it('publishes 500 events at QoS 1 and a subscriber of the application receives every one', async () => {
    const applicationId = randomUUID();
    subscriber = await connectAsync(URL, { clientId: `sim-int-${applicationId.slice(0, 8)}` });
    const received: { topic: string; payload: Buffer }[] = [];
    const all = new Promise<void>((resolve) => {
      subscriber.on('message', (topic, payload) => {
        received.push({ topic, payload });
        if (received.length === COUNT) resolve();
      });
    });
    await subscriber.subscribeAsync(`application/${applicationId}/device/+/event/+`, { qos: 1 });

    const options = defaultOptions({ meters: 50, seed: 11, target: { ...DEFAULT_TARGET, applicationId } });
    const sent: SimMessage[] = [];
    const source = (function* () {
      for (const m of simulate(options)) {
        sent.push(m);
        yield m;
      }
    })();
    const published = await publishMessages(source, { url: URL, rate: 2000, count: COUNT });
    expect(published).toBe(COUNT);

    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`received ${received.length} of ${COUNT}`)), 10_000)))]);
    clearTimeout(timer);
    expect(received).toHaveLength(COUNT);
    expect(received.map((r) => r.payload.toString()).sort()).toEqual(sent.slice(0, COUNT).map((m) => m.payload).sort());
    for (const r of received) expect(parseEvent(r.topic, r.payload).ok).toBe(true);
  }, 30_000);
});
