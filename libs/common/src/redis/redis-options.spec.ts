import { bullmqConnection, redisOptionsFromUrl } from './redis-options';

describe('redisOptionsFromUrl', () => {
  it('parses host, port, credentials, db and TLS', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.local:6380/3')).toEqual({
      host: 'cache.local',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: {},
    });
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });

  it('rejects a non-numeric database', () => {
    expect(() => redisOptionsFromUrl('redis://h/abc')).toThrow(/database must be a number/);
  });

  it('gives BullMQ blocking-safe options', () => {
    expect(bullmqConnection('redis://h:1/0').maxRetriesPerRequest).toBeNull();
  });
});
