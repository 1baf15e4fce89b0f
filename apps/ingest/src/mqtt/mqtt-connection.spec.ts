import { mqttClientLog } from './mqtt-connection';

describe('mqttClientLog', () => {
  it('silences MQTT.js\'s per-packet debug logger unless DEBUG asks for it', () => {
    expect(typeof mqttClientLog('').log).toBe('function');
    expect(typeof mqttClientLog('headend:*').log).toBe('function');
    expect(mqttClientLog('mqttjs*')).toEqual({});
    expect(mqttClientLog('express,mqttjs:client')).toEqual({});
    expect(mqttClientLog('*')).toEqual({});
    expect(typeof mqttClientLog('*,-mqttjs*').log).toBe('function');
    expect(typeof mqttClientLog('mqttjs:connect').log).toBe('function');
  });
});
