import { loadConfig, redactConfig } from '@app/common';
import { systemConfigSchema } from '../config';
import { ChirpstackPaths, deviceBody, keysBody } from './chirpstack-requests';
import { chirpstackSettings } from './chirpstack-settings';

const meter = {
  id: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  serial: 'WM-000123',
  vendor: 'Axioma',
  model: 'Qalcosonic W1',
  utility: 'water' as const,
  devEui: '70b3d5e75e001234',
  joinEui: null,
};
const target = { applicationId: 'a1b2c3d4-0000-4000-8000-000000000001', deviceProfileId: 'd1d2d3d4-0000-4000-8000-000000000002' };

describe('ChirpStack request bodies', () => {
  it('builds the device exactly as POST /api/devices expects it (camelCase, tags of the meter)', () => {
    expect(JSON.stringify(deviceBody(meter, target))).toBe(
      '{"device":{"devEui":"70b3d5e75e001234","name":"WM-000123","applicationId":"a1b2c3d4-0000-4000-8000-000000000001",' +
        '"deviceProfileId":"d1d2d3d4-0000-4000-8000-000000000002","description":"water meter Axioma Qalcosonic W1",' +
        '"tags":{"serial":"WM-000123","meterId":"11111111-1111-4111-8111-111111111111","tenant":"22222222-2222-4222-8222-222222222222"}}}',
    );
  });

  it('adds the joinEui only when the meter has one, and leaves out a missing model', () => {
    const body = deviceBody({ ...meter, model: null, joinEui: '0000000000000001' }, target);
    expect(body.device.joinEui).toBe('0000000000000001');
    expect(body.device.description).toBe('water meter Axioma');
    expect(Object.keys(deviceBody(meter, target).device)).not.toContain('joinEui');
    expect(() => deviceBody({ ...meter, devEui: null }, target)).toThrow(/devEui/);
  });

  it('puts the LoRaWAN 1.0.x AppKey into nwkKey (lower-case) and sets no appKey', () => {
    expect(JSON.stringify(keysBody('2B7E151628AED2A6ABF7158809CF4F3C'))).toBe('{"deviceKeys":{"nwkKey":"2b7e151628aed2a6abf7158809cf4f3c"}}');
  });

  it('uses the REST paths of the device service', () => {
    expect([ChirpstackPaths.devices, ChirpstackPaths.device(meter.devEui), ChirpstackPaths.keys(meter.devEui)]).toEqual([
      '/api/devices',
      '/api/devices/70b3d5e75e001234',
      '/api/devices/70b3d5e75e001234/keys',
    ]);
  });
});

describe('ChirpStack settings', () => {
  const all = {
    CHIRPSTACK_API_URL: 'http://chirpstack-rest-api:8090/',
    CHIRPSTACK_API_TOKEN: 'token-value',
    CHIRPSTACK_APPLICATION_ID: target.applicationId,
    CHIRPSTACK_DEVICE_PROFILE_ID: target.deviceProfileId,
  };

  it('are all four variables or none', () => {
    expect(chirpstackSettings(loadConfig('system', systemConfigSchema, {}))).toBeNull();
    expect(chirpstackSettings(loadConfig('system', systemConfigSchema, all))).toEqual({ url: 'http://chirpstack-rest-api:8090', token: 'token-value', ...target, timeoutMs: 2000 });
    const { CHIRPSTACK_API_TOKEN: _token, CHIRPSTACK_DEVICE_PROFILE_ID: _profile, ...partial } = all;
    expect(() => loadConfig('system', systemConfigSchema, partial)).toThrow(/CHIRPSTACK_API_TOKEN: required with the other ChirpStack variables[\s\S]*CHIRPSTACK_DEVICE_PROFILE_ID: required/);
  });

  it('never logs the API key', () => {
    expect(redactConfig(loadConfig('system', systemConfigSchema, all))).toMatchObject({ CHIRPSTACK_API_TOKEN: '[secret]', CHIRPSTACK_API_URL: all.CHIRPSTACK_API_URL });
  });

  it('refuses a URL that is not http(s) and ids that are not UUIDs', () => {
    expect(() => loadConfig('system', systemConfigSchema, { ...all, CHIRPSTACK_API_URL: 'grpc://chirpstack:8080' })).toThrow(/CHIRPSTACK_API_URL: must be an http/);
    expect(() => loadConfig('system', systemConfigSchema, { ...all, CHIRPSTACK_APPLICATION_ID: 'water-meters' })).toThrow(/CHIRPSTACK_APPLICATION_ID: must be a UUID/);
  });
});
