import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { testServices } from '@app/testing';
import { buildDownCommand } from './down-command';
import { encodeCommand } from './encode-command';

/** The real local Mosquitto: a built command/down message reaches a plain subscriber of the command topic as is. */
describe('command/down on Mosquitto', () => {
  let publisher: MqttClient | undefined;
  let subscriber: MqttClient | undefined;

  afterEach(async () => {
    await publisher?.endAsync();
    await subscriber?.endAsync();
  });

  it('publishes a built command and a subscriber receives it on application/<app>/device/<devEui>/command/down', async () => {
    const applicationId = randomUUID();
    const devEui = '70b3d5e75e00abcd';
    const encoded = encodeCommand('netvox/r809a', { type: 'relay', on: true });
    const message = buildDownCommand({
      commandId: randomUUID(),
      applicationId,
      devEui: devEui.toUpperCase(),
      fPort: encoded.fPort,
      bytes: encoded.bytes,
      confirmed: true,
      expiresAt: new Date(Date.now() + 3_600_000),
    });

    subscriber = await connectAsync(testServices.mqttUrl, { clientId: `cmd-sub-${applicationId.slice(0, 8)}` });
    const received = new Promise<{ topic: string; payload: string }>((resolve) => {
      subscriber!.on('message', (topic, payload) => resolve({ topic, payload: payload.toString() }));
    });
    await subscriber.subscribeAsync(`application/${applicationId}/device/+/command/down`, { qos: 1 });

    publisher = await connectAsync(testServices.mqttUrl, { clientId: `cmd-pub-${applicationId.slice(0, 8)}` });
    await publisher.publishAsync(message.topic, message.payload, { qos: 1 });

    let timer: NodeJS.Timeout | undefined;
    const got = await Promise.race([
      received,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no command/down within 5 s')), 5_000))),
    ]);
    clearTimeout(timer);
    expect(got.topic).toBe(`application/${applicationId}/device/${devEui}/command/down`);
    expect(got.payload).toBe(message.payload);
    const payload = JSON.parse(got.payload) as { devEui: string; fPort: number; data: string; confirmed: boolean };
    expect(payload.devEui).toBe(devEui);
    expect(payload.fPort).toBe(encoded.fPort);
    expect(Buffer.from(payload.data, 'base64')).toEqual(Buffer.from(encoded.bytes));
  }, 15_000);
});
