import { testServices } from '@app/testing';
import { RedisProbe } from './redis-probe';

describe('RedisProbe against the real server', () => {
  it('reports up with a latency', async () => {
    const probe = new RedisProbe(testServices.redisUrl);
    const health = await probe.probe();
    await probe.close();
    expect(health.status).toBe('up');
    expect(typeof health.latencyMs).toBe('number');
  });

  it('reports down with a reason, quickly, for a port nobody listens on', async () => {
    const probe = new RedisProbe('redis://127.0.0.1:1', 500);
    const started = Date.now();
    const health = await probe.probe();
    await probe.close();
    expect(health.status).toBe('down');
    expect(health.detail).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
