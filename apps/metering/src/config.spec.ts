import { loadConfig } from '@app/common';
import { meteringConfigSchema } from './config';

describe('metering config: downlink commands', () => {
  it('has working defaults: the local broker, a day to live, a sweep every 5 s, no fallback application', () => {
    const config = loadConfig('metering', meteringConfigSchema, {});
    expect(config).toMatchObject({ MQTT_URL: 'mqtt://127.0.0.1:1883', METERING_COMMAND_TTL_SECONDS: 86_400, METERING_COMMAND_SWEEP_MS: 5000, METERING_MQTT_PUBLISH_TIMEOUT_MS: 5000 });
    expect(config.CHIRPSTACK_APPLICATION_ID).toBeUndefined();
    expect(loadConfig('metering', meteringConfigSchema, { CHIRPSTACK_APPLICATION_ID: '' }).CHIRPSTACK_APPLICATION_ID).toBeUndefined();
  });

  it('names each bad variable', () => {
    expect(() => loadConfig('metering', meteringConfigSchema, { CHIRPSTACK_APPLICATION_ID: 'app-1' })).toThrow(/CHIRPSTACK_APPLICATION_ID: must be a UUID/);
    expect(() => loadConfig('metering', meteringConfigSchema, { METERING_COMMAND_TTL_SECONDS: '30' })).toThrow(/METERING_COMMAND_TTL_SECONDS/);
    expect(() => loadConfig('metering', meteringConfigSchema, { MQTT_URL: 'http://broker' })).toThrow(/MQTT_URL/);
  });
});
