import createDebug from 'debug';
import { mqttClientLog } from './mqtt-connection';

describe('mqttClientLog', () => {
  const before = createDebug.disable();
  afterAll(() => createDebug.enable(before));

  it.each([
    ['', false],
    ['headend:*', false],
    ['mqttjs:connect', false],
    ['*,-mqttjs*', false],
    ['mqttjs*', true],
    ['express,mqttjs:client', true],
    ['*', true],
  ])('DEBUG=%s: MQTT.js logs through debug: %s', (namespaces, logs) => {
    createDebug.enable(namespaces);
    const options = mqttClientLog();
    expect(options.log === undefined).toBe(logs);
    if (!logs) expect(options.log?.()).toBeUndefined();
  });
});
